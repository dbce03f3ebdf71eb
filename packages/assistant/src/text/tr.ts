import type { Feature, Listing, PropertyType, SearchFacts } from '@parley/validators';
import { formatCount, formatMoney, kindRange, listingPrice } from './money';
import type { Change, Loosened, Question, Texts } from './types';

const TYPE: Record<PropertyType, string> = {
  apartment: 'daire',
  villa: 'villa',
  house: 'müstakil ev',
  studio: 'stüdyo',
  penthouse: 'penthouse',
  bungalow: 'bungalov',
};
const RENT = {
  long_term: 'uzun dönem kiralık',
  short_term: 'günlük kiralık',
  sale: 'satılık',
} as const;
const PERIOD = { long_term: 'aylık ', short_term: 'gecelik ', sale: '' } as const;
export const FEATURE_TR: Record<Feature, string> = {
  beach: 'denize yakın',
  sea_view: 'deniz manzaralı',
  pool: 'havuzlu',
  garden: 'bahçeli',
  furnished: 'eşyalı',
  parking: 'otoparklı',
  pet_friendly: 'evcil hayvan kabul eden',
  gym: 'spor salonlu',
  air_conditioning: 'klimalı',
  balcony: 'balkonlu',
};

/** A feature refused, as the person would have said it: "havuzsuz", "eşyasız". */
const REFUSED: Record<Feature, string> = {
  beach: 'denize yakın olmasın',
  sea_view: 'deniz manzarasız',
  pool: 'havuzsuz',
  garden: 'bahçesiz',
  furnished: 'eşyasız',
  parking: 'otoparksız',
  pet_friendly: 'evcil hayvansız',
  gym: 'spor salonsuz',
  air_conditioning: 'klimasız',
  balcony: 'balkonsuz',
};

const money = (n: number) => formatMoney(n, 'GBP', 'tr');

/** The first letter in upper case, the Turkish way ("i" becomes "İ"): a line's start. */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('tr') + text.slice(1);
}

function listWords(words: readonly string[], and = 've'): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} ${and} ${words[words.length - 1]}`;
}

const BACK_VOWELS = 'aıou';
const VOWELS = 'aeıioöuü';
const HARD = 'çfhkpsşt';

/** "Girne'de", "Güzelyurt'ta", "Bellapais'te": the locative suffix by vowel harmony. */
export function locative(name: string): string {
  const lower = name.toLocaleLowerCase('tr');
  const lastVowel = [...lower].reverse().find((c) => VOWELS.includes(c)) ?? 'e';
  const vowel = BACK_VOWELS.includes(lastVowel) ? 'a' : 'e';
  const consonant = HARD.includes(lower[lower.length - 1] ?? '') ? 't' : 'd';
  return `${name}'${consonant}${vowel}`;
}

function bedroomsTr(facts: SearchFacts): { exact?: string; other?: string } {
  const { minBedrooms: min, maxBedrooms: max } = facts;
  if (min !== undefined && max !== undefined) {
    if (min === max) return { exact: min === 0 ? 'stüdyo' : `${min}+1` };
    return { other: `${min}-${max} yatak odalı` };
  }
  if (min !== undefined) return { other: `en az ${min} yatak odalı` };
  if (max !== undefined) return { other: `en fazla ${max} yatak odalı` };
  return {};
}

function priceTr(facts: SearchFacts): string | undefined {
  const period = facts.rentType === undefined ? '' : PERIOD[facts.rentType];
  const { minPrice: min, maxPrice: max } = facts;
  if (min !== undefined && max !== undefined) return `${period}${money(min)} - ${money(max)}`;
  if (max !== undefined) return `${period}en fazla ${money(max)}`;
  if (min !== undefined) return `${period}en az ${money(min)}`;
  return undefined;
}

/** "Girne'de havuzlu, deniz manzaralı uzun dönem kiralık 2+1 daire, aylık en fazla £1.000". */
function search(facts: SearchFacts): string {
  const words: string[] = [];
  if (facts.location !== undefined) words.push(locative(facts.location));
  if (facts.excludeLocations?.length) words.push(`${listWords(facts.excludeLocations)} dışında`);
  const features = (facts.features ?? []).map((f) => FEATURE_TR[f]);
  if (features.length > 0) words.push(features.join(', '));
  if (facts.rentType !== undefined) words.push(RENT[facts.rentType]);
  const rooms = bedroomsTr(facts);
  if (rooms.exact !== undefined && !(rooms.exact === 'stüdyo' && facts.propertyType === 'studio'))
    words.push(rooms.exact);
  words.push(facts.propertyType === undefined ? 'mülk' : TYPE[facts.propertyType]);
  if (facts.q !== undefined) words.push(`("${facts.q}" geçen)`);
  return [words.join(' '), rooms.other, priceTr(facts)].filter((p) => p !== undefined).join(', ');
}

function change(c: Change): string {
  switch (c.kind) {
    case 'location':
      if (c.to === undefined) return 'her bölge';
      return c.from === undefined ? `bölge: ${c.to}` : `bölge: ${c.from} yerine ${c.to}`;
    case 'exclude':
      return `${listWords(c.places, 've')} hariç`;
    case 'rentType':
      return c.to === undefined ? 'kiralık ya da satılık' : RENT[c.to];
    case 'propertyType':
      return c.to === undefined ? 'her tür mülk' : TYPE[c.to];
    case 'bedrooms': {
      const rooms = bedroomsTr(c.facts);
      return rooms.exact ?? rooms.other ?? 'oda sayısı serbest';
    }
    case 'price':
      return priceTr(c.facts) ?? 'bütçe yok';
    case 'featuresAdded':
      return listWords(c.features.map((f) => FEATURE_TR[f]));
    case 'featuresRemoved':
      return `${listWords(c.features.map((f) => FEATURE_TR[f]))} olması gerekmiyor`;
  }
}

function loosened(l: Loosened): string {
  switch (l.kind) {
    case 'q':
      return `"${l.q}" kelimelerini çıkarırsam`;
    case 'features':
      return `${listWords(l.features.map((f) => FEATURE_TR[f]))} ${l.features.length === 1 ? 'şartını' : 'şartlarını'} kaldırırsam`;
    case 'budget':
      return 'bütçeyi göz ardı edersem';
    case 'bedrooms':
      return 'oda sayısını göz ardı edersem';
    case 'type':
      return 'diğer mülk türlerini de katarsam';
    case 'district':
      return `aramayı tüm ${l.district} bölgesine genişletirsem`;
    case 'anywhere':
      return 'her bölgede ararsam';
    case 'keepOnly':
      return `yalnızca ${search(l.kept)} ararsam`;
    case 'all':
      return l.keepRent ? 'yalnızca kiralama türünü tutarsam' : 'tüm filtreleri kaldırırsam';
  }
}

const QUESTIONS: Record<Question, string[]> = {
  rentType: [
    'Uzun dönem kiralamak mı, tatil için kalmak mı, yoksa satın almak mı istiyorsunuz?',
    'Kiralık mı, günlük mü, satılık mı bakıyorsunuz?',
  ],
  location: ['Hangi bölgeyi tercih edersiniz?', 'Aklınızda bir bölge var mı?'],
  budget: ['Bütçeniz ne kadar?', 'Ne kadar harcamayı düşünüyorsunuz?'],
  bedrooms: ['Kaç yatak odası istiyorsunuz?', 'Kaç oda olsun?'],
  features: [
    'Aramayı daraltmamı ister misiniz? Örneğin havuzlu, deniz manzaralı ya da otoparklı.',
    'Sizin için önemli başka bir şey var mı, havuz ya da bahçe gibi?',
  ],
};

/** A price as the listing cards show it: "£850 aylık", "£1.154.000". */
const trPrice = (l: Pick<Listing, 'price' | 'currency' | 'pricePeriod'>) =>
  listingPrice(l, 'tr', { month: (p) => `${p} aylık`, night: (p) => `${p} gecelik` });

/** What a listing's card does not say, a person can: the way to ask one. */
const SHOWN_AGENT =
  'Ayrıntıları bir temsilci doğrulayabilir: "temsilciyle görüşmek istiyorum" yazmanız yeterli.';

export const tr: Texts = {
  language: 'tr',
  search,
  listing(listing) {
    const size = listing.bedrooms === 0 ? 'stüdyo' : `${listing.bedrooms}+1`;
    const price = listingPrice(listing, 'tr', {
      month: (p) => `${p} aylık`,
      night: (p) => `${p} gecelik`,
    });
    return `${listing.title.replace(/\s+/g, ' ').trim()} — ${listing.location}, ${size}, ${price}`;
  },
  found(total, facts, shown, order) {
    const head = `${formatCount(total, 'tr')} ilan buldum: ${search(facts)}.`;
    if (total <= shown) return head;
    const which = order === 'cheapest' ? 'en uygun' : order === 'priciest' ? 'en pahalı' : 'ilk';
    return `${head} İşte ${which} ${shown} tanesi:`;
  },
  more: (from, to, total) =>
    from === to ? `${total} ilandan ${from}. ilan:` : `${total} ilandan ${from}-${to} arası:`,
  listChanged: () =>
    'Son listeden bu yana sonuçlar değişti, bu yüzden kaldığım yerden devam edemiyorum: bunlar aramanızın şu anki ilk sonuçları.',
  allShown: (total) =>
    `Hepsi bu kadar: ${formatCount(total, 'tr')} ilanın hepsini gösterdim. Başkalarını görmek için neyi değiştireyim?`,
  everything: (total) =>
    total === 1
      ? 'Şu anda 1 ilan var. İşte o ilan:'
      : `Şu anda ${formatCount(total, 'tr')} ilan var. Başlangıç için birkaçı:`,
  noneFor: (asked) => `Bu aramaya uyan ilan bulamadım: ${search(asked)}.`,
  relaxed(l, total, shown) {
    const here =
      shown === 1 ? 'İşte o ilan' : shown === total ? 'İşte hepsi' : `İşte ilk ${shown} tanesi`;
    return `${capitalise(loosened(l))} ${formatCount(total, 'tr')} ilan çıkıyor. ${here}:`;
  },
  relaxedNote: (filters) =>
    `Bunlar ${filters === 1 ? 'o filtre' : 'o filtreler'} gevşetilerek gösterildi; aramanız değişmedi. Böyle kalmasını ya da başka bir şeyi değiştirmemi isterseniz söyleyin.`,
  nothingAtAll: (asked) => [
    `Bu aramaya uyan ilan bulamadım: ${search(asked)}. Özellikleri, bütçeyi, oda sayısını, türü ya da bölgeyi gevşetmek de işe yaramadı.`,
    asked.rentType === undefined
      ? 'Farklı bir arama deneyin ya da "baştan başla" yazın.'
      : 'Başka bir kiralama türü (uzun dönem, günlük ya da satılık) deneyin ya da "baştan başla" yazın.',
  ],
  noListings: () => 'Şu anda hiç ilan yok. Lütfen daha sonra tekrar bakın.',
  greeting(memory, again) {
    if (again) {
      return Object.keys(memory).length > 0
        ? [`Tekrar merhaba! Şimdiye kadar aradığınız: ${search(memory)}. Neyi değiştirelim?`]
        : ['Tekrar merhaba! Ne arıyorsunuz?'];
    }
    const lines = [
      'Merhaba! Ben Parley, Kuzey Kıbrıs için emlak asistanınızım.',
      'Ne aradığınızı yazın, örneğin "Girne\'de kiralık 2+1 daire, aylık 900 sterline kadar" ya da "Esentepe\'de havuzlu satılık villa".',
    ];
    if (Object.keys(memory).length > 0) lines.push(`Şimdiye kadar aradığınız: ${search(memory)}.`);
    return lines;
  },
  thanks: () => 'Rica ederim! Bir şeyi değiştirmek isterseniz söylemeniz yeterli.',
  reset: () => 'Tamam, her şeyi temizledim. Ne arıyorsunuz?',
  nothingNew: () => 'Yeni bir şey anlayamadım; şimdiye kadar istediklerinize uyan ilanlar şunlar.',
  staleBudget: () => 'Fiyatlar bu tür için farklı olduğundan önceki bütçenizi kaldırdım.',
  changes: (list) => `Güncellendi: ${list.map(change).join('; ')}.`,
  reading(reading, amount) {
    if (reading === 'sale') return `${money(amount)} tutarını satın alma fiyatı olarak aldım.`;
    if (reading === 'month')
      return `${money(amount)} tutarını aylık kira olarak aldım; gecelik demek istediyseniz "gecelik" yazın.`;
    return `${money(amount)} tutarını gecelik fiyat olarak aldım; aylık demek istediyseniz "aylık" yazın.`;
  },
  converted: (amount, currency, pounds) =>
    `İlanların fiyatı sterlin; ${formatMoney(amount, currency, 'tr')} yaklaşık ${money(pounds)} ediyor.`,
  weekly: (week, night) => `Haftalık ${money(week)}, gecelik yaklaşık ${money(night)} ediyor.`,
  thousands: (amounts, currency) =>
    `Satın alma fiyatı olduğu için ${amounts.map((n) => formatCount(n, 'tr')).join(' - ')} tutarını ${amounts.map((n) => formatMoney(n * 1_000, currency, 'tr')).join(' - ')} olarak aldım.`,
  unfiltered: (list) =>
    `Yalnızca bir evde olanlara göre arama yapabiliyorum, olmayanlara göre değil; bu yüzden ${listWords(
      list.map((f) => `"${REFUSED[f]}"`),
    )} ${list.length === 1 ? 'isteğini' : 'isteklerini'} uygulayamadım.`,
  oneKind: (shown, others) =>
    `Aylık, gecelik ve satış fiyatları karışmasın diye yalnızca ${RENT[shown]} ilanları listeledim; ayrıca ${listWords(others.map((k) => `${formatCount(k.total, 'tr')} ${RENT[k.rentType]} ilan`))} var.`,
  priceRanges: (kinds) =>
    `Fiyatlar: ${kinds.map((k) => `${RENT[k.rentType]} ${kindRange(k, trPrice, '', '-')} (${formatCount(k.total, 'tr')} ilan)`).join('; ')}.`,
  sortedByPrice: (order) =>
    order === 'cheapest' ? 'En uygun fiyatlılar önce:' : 'En pahalılar önce:',
  phoneKept: () =>
    'Telefon numaranızı aramaya katmadım. Bir danışmanın sizi aramasını isterseniz "beni arayın" yazmanız yeterli.',
  offered: (places, types) =>
    `Aynı anda tek bir yer ve tek bir konut tipi arayabiliyorum, bu yüzden ilk yazdığınızı kullandım; ${[...places, ...types.map((t) => TYPE[t])].map((w) => `"${w}"`).join(' ya da ')} için bakmamı isterseniz yazmanız yeterli.`,
  newSearch: (dropped) => {
    const rooms = bedroomsTr(dropped);
    const roomWords = rooms.exact ?? rooms.other;
    const words = [
      ...(roomWords === undefined ? [] : [roomWords]),
      ...(dropped.features ?? []).map((f) => FEATURE_TR[f]),
    ];
    return `Bu yeni bir arama, bu yüzden önceki aramadaki koşulları taşımadım: ${words.join(', ')}.`;
  },
  cheaperThan: (lowest) =>
    `Size gösterdiğim en düşük fiyat ${trPrice(lowest)}; bundan daha ucuzlarına bakıyorum.`,
  nothingCheaper: (lowest, asked) =>
    `Bu aramada ${trPrice(lowest)} fiyatından daha ucuz ilan yok, en düşük fiyat buydu: ${search(asked)}.`,
  nothingCheaperAnywhere: () =>
    'Özellikleri, oda sayısını, mülk tipini ya da bölgeyi esnetince de daha ucuz ilan çıkmıyor. Başka bir kiralama türü deneyebilir ya da "baştan başla" yazabilirsiniz.',
  phoneHandoff: () => 'Danışman bıraktığınız numarayı görecek ve sizi o numaradan arayabilecek.',
  needsBedrooms: () =>
    'Kaç yatak odası istersiniz? Böylece daha büyük ya da daha küçük bir şey bakabilirim.',
  question(q, variant, places) {
    const question = QUESTIONS[q][variant % QUESTIONS[q].length]!;
    if (q !== 'location' || variant % QUESTIONS[q].length !== 0 || !places?.length) return question;
    return `${question} ${listWords(places)} çok tercih ediliyor.`;
  },
  human: () =>
    'Bu konuşmayı temsilcilerimizden birine aktarıyorum. Şimdiye kadar ne istediğinizi görecek ve buradan yanıt verecek.',
  viewing: () =>
    'Yerinde görme için sizi bir temsilcimize aktarıyorum; uygun bir saat için buradan size yazacak.',
  handoffNext: (online) =>
    online
      ? 'Şu anda çevrimiçi bir temsilcimiz var; birazdan buraya katılacak, katıldığında göreceksiniz. Bu arada aramaya devam edebilirim.'
      : 'Şu anda çevrimiçi temsilci yok. Talebiniz temsilcilerin gelen kutusunda bekliyor; ilk gelen temsilci buradan yanıt verecek, katıldığında göreceksiniz. Bu arada aramaya devam edebilirim.',
  queued: (online) =>
    [
      'Sıradasınız: ilk müsait temsilci buradan yanıt verecek.',
      online === undefined
        ? ''
        : online
          ? ' Şu anda çevrimiçi bir temsilcimiz var.'
          : ' Şu anda çevrimiçi temsilci yok, bu yüzden biraz sürebilir.',
      ' Bu arada aramaya devam edebilirim.',
    ].join(''),
  notify: (facts) =>
    Object.keys(facts).length > 0
      ? `Bu aramayı kaydediyorum (${search(facts)}); uygun yeni bir ilan çıktığında ya da fiyat düştüğünde size haber vereceğim.`
      : 'Önce ne aradığınızı yazın; uygun yeni bir ilan çıktığında haber vereyim.',
  notifyNeedsAccount: () =>
    'Giriş yapın ya da bir hesap oluşturun; bu aramayı kaydedip uygun yeni bir ilan çıktığında ya da fiyat düştüğünde size haber vereyim. Misafir olarak burada aramaya devam edebilirim.',
  notifyLimit: () =>
    'Bu aramayı kaydedemedim: kaydedilebilecek en fazla sayıda aramanız zaten var. Kayıtlı aramalar sayfasından birini silip yeniden isteyin; bu arada burada aramaya devam edebilirim.',
  shownHas: (n, listing, has, lacks) => [
    ...(has.length > 0
      ? [`${n} numaralı ilan (${listing.title}): ${has.map((f) => FEATURE_TR[f]).join(', ')}.`]
      : []),
    ...(lacks.length > 0
      ? [
          `${n} numaralı ilanın${has.length > 0 ? '' : ` (${listing.title})`} bilgilerinde bu yok: ${lacks.map((f) => FEATURE_TR[f]).join(', ')}.`,
        ]
      : []),
    SHOWN_AGENT,
  ],
  alerted(listing) {
    return [
      `Bildirimdeki yeni ilan: ${this.listing(listing)}.`,
      listing.features.length > 0
        ? `Özellikleri: ${listing.features.map((f) => FEATURE_TR[f]).join(', ')}.`
        : 'İlanda özellik belirtilmemiş.',
      SHOWN_AGENT,
    ];
  },
  alertedUnknown: () => [
    'Hangi yeni ilanı kastettiğinizi anlayamadım: bu sohbetteki bildirimler arasında göremiyorum. Bildirimler sayfanızda tüm yeni eşleşmeler var; isterseniz "temsilciyle görüşmek istiyorum" yazın.',
  ],
  shownDetails(n, listing) {
    return [
      `${n} numaralı ilan: ${this.listing(listing)}.`,
      listing.features.length > 0
        ? `Özellikleri: ${listing.features.map((f) => FEATURE_TR[f]).join(', ')}.`
        : 'İlanda özellik belirtilmemiş.',
      SHOWN_AGENT,
    ];
  },
  answer(topic) {
    switch (topic) {
      case 'listing':
        return [
          'Hangi ilanı kastettiğinizi artık ayırt edemiyorum. Ne aradığınızı yazın, eşleşenleri yeniden listeleyeyim; belirli bir ev hakkındaki soruları bir temsilci yanıtlayabilir: "temsilciyle görüşmek istiyorum" yazmanız yeterli.',
        ];
      case 'buying':
        return [
          'Evet, yabancılar Kuzey Kıbrıs’ta mülk satın alabilir. Satın alma için Bakanlar Kurulu izni gerekir (genellikle birkaç ay süren bir formalite); bu sürede mülkte oturabilirsiniz.',
          'Kapora ödemeden önce tapuyu ve sözleşmeyi yerel bir avukata kontrol ettirin. İsterseniz satılık ilanları gösterebilirim.',
        ];
      case 'title_deeds':
        return [
          'Kuzey Kıbrıs’ta birkaç tür tapu vardır: Türk koçanı (1974 öncesi), eşdeğer koçan ve tahsis koçanı. Alıcılar ve bankalar bunları farklı değerlendirir.',
          'Her zaman ilgili mülkün tapusunu bir avukata kontrol ettirin. Bu arada satılık ilanları gösterebilirim.',
        ];
      case 'residency':
        return [
          'Kuzey Kıbrıs’ta ev sahibi olan ya da kiracı olarak oturan kişiler göç dairesine ikamet izni için başvurabilir; kira sözleşmesi ya da tapu, sağlık kontrolü ve gelir belgesi gerekir.',
          'Kurallar zaman zaman değişir; yetkililere ya da bir avukata danışın. Kiralık ya da satılık ev bulmanıza yardımcı olabilirim.',
        ];
      case 'prices':
        return [
          'Fiyatlar bölgeye ve mülk türüne göre çok değişir. Ne aradığınızı yazın, uygun ilanları en ucuzdan başlayarak göstereyim.',
        ];
    }
  },
  offTopic: () =>
    'Yalnızca Kuzey Kıbrıs’taki emlak konusunda yardımcı olabiliyorum, bu soruyu yanıtlayamam. Nasıl bir ev aradığınızı yazın.',
  elsewhere: (place) =>
    `Yalnızca Kuzey Kıbrıs’ta ilanlarım var, ${place} bölgesinde yok. Bunun yerine Girne, Gazimağusa, Lefkoşa ya da İskele’de bakmamı ister misiniz?`,
};
