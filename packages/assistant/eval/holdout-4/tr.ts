import type { EvalCase } from '../types';

const s = 'search';
const r = 'refine';
const G = 'Girne';
const F = 'Gazimağusa';
const L = 'Lefkoşa';
const I = 'İskele';
const Z = 'Güzelyurt';
const LAP = 'Lapta';
const ESE = 'Esentepe';
const ALS = 'Alsancak';
const BEL = 'Bellapais';
const KAR = 'Karşıyaka';

/**
 * Fourth held-out set (Turkish), written 2026-12-04 blind: from docs/assistant.md, the
 * `searchFacts` contract, the towns in @parley/validators and the sets' format only, without
 * reading the rules' code, their tests or the other sets' messages; committed before its
 * first run. Typed as people type to a property chat in North Cyprus, often without ş, ğ, ı.
 *
 * Conventions (docs/assistant.md): a village or quarter with no town of its own is expected as
 * its district (Çatalköy, Edremit, Ozanköy, Karaoğlanoğlu, Doğanköy, Zeytinlik: Girne;
 * Gönyeli, Hamitköy, Kaymaklı: Lefkoşa; Yeni Boğaziçi, Tuzla: Gazimağusa; Bafra, Boğaz, Long
 * Beach: İskele), a landmark as its town (EMU: Gazimağusa); other currencies in pounds at EUR
 * 0.86, USD 0.79, TRY 0.02; "haftalık" holiday budgets as nightly ones (÷ 7); "daha ucuz" is
 * the budget × 0.8, "daha pahalı" × 1.25, "daha büyük"/"daha küçük" one bedroom more/fewer;
 * a question, a person, a viewing, off-topic or a place outside North Cyprus changes no filter.
 *
 * Conventions decided here: a bedroom count alone ("2+1", "3 yatak odalı", "2 oda 1 salon")
 * is exact (min = max), "en az" sets only the minimum; "2+1" without a property word sets no
 * property type; "ev" is a house; "stüdyo" sets no bedroom count; "pound", "stg", "sterlin"
 * and an amount with no currency are pounds; a budget on its own is the maximum; "eşyasız"
 * adds no feature; "yazlık kiralık" with a weekly or nightly budget is a holiday rental; a
 * prices question keeps the facts it names; a notify keeps the facts in the message; every
 * message with a budget also says the rent type.
 */
export const TR_HOLDOUT_4: EvalCase[] = [
  // Plain searches.
  {
    message: 'girnede kiralik 2+1 daire ariyorum, en fazla 20 bin tl',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 400,
    },
    intent: s,
  },
  {
    message: "Lapta'da satılık havuzlu villa, 400 bin sterline kadar",
    facts: {
      location: LAP,
      rentType: 'sale',
      propertyType: 'villa',
      maxPrice: 400000,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: 'magusada emu ya yakin ogrenciye uygun stüdyo kiralik, aylik 300 pound',
    facts: { location: F, rentType: 'long_term', propertyType: 'studio', maxPrice: 300 },
    intent: s,
  },
  {
    message: 'iskele long beach günlük kiralık daire, gecelik 50-70 sterlin',
    facts: {
      location: I,
      rentType: 'short_term',
      propertyType: 'apartment',
      minPrice: 50,
      maxPrice: 70,
    },
    intent: s,
  },
  {
    message: 'lefkoşa gönyelide 3+1 müstakil ev kiralik bahceli',
    facts: {
      location: L,
      rentType: 'long_term',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['garden'],
    },
    intent: s,
  },
  {
    message: 'esentepede deniz manzarali satilik bungalov',
    facts: { location: ESE, rentType: 'sale', propertyType: 'bungalow', features: ['sea_view'] },
    intent: s,
  },
  {
    message: 'catalkoyde esyali daire lazim uzun donem',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      features: ['furnished'],
    },
    intent: s,
  },
  {
    message: "Alsancak'ta evcil hayvan kabul eden kiralık ev var mı? 2 köpeğimiz var",
    facts: {
      location: ALS,
      rentType: 'long_term',
      propertyType: 'house',
      features: ['pet_friendly'],
    },
    intent: s,
  },
  {
    message: 'bellapaiste 4 yatak odali villa satilik 600 bin euro',
    facts: {
      location: BEL,
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 4,
      maxBedrooms: 4,
      maxPrice: 516000,
    },
    intent: s,
  },
  {
    message: 'karşıyakada denize sıfır yazlık kiralık, haftalık 700 sterlin',
    facts: { location: KAR, rentType: 'short_term', maxPrice: 100, features: ['beach'] },
    intent: s,
  },
  {
    message: 'guzelyurtta satilik mustakil ev bahceli 3 yatak odali',
    facts: {
      location: Z,
      rentType: 'sale',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['garden'],
    },
    intent: s,
  },
  {
    message: 'lefkosada universiteye yakin 1+1 kiralik, esyali, max 15000tl',
    facts: {
      location: L,
      rentType: 'long_term',
      minBedrooms: 1,
      maxBedrooms: 1,
      maxPrice: 300,
      features: ['furnished'],
    },
    intent: s,
  },
  {
    message: 'magusa tuzla bölgesinde satılık 2+1, 70-90 bin sterlin arası',
    facts: {
      location: F,
      rentType: 'sale',
      minBedrooms: 2,
      maxBedrooms: 2,
      minPrice: 70000,
      maxPrice: 90000,
    },
    intent: s,
  },
  {
    message: 'girne merkez kiralık penthouse, otoparklı, klimalı',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'penthouse',
      features: ['parking', 'air_conditioning'],
    },
    intent: s,
  },
  {
    message: 'bafrada gecelik daire, havuz ve spor salonu olsun',
    facts: {
      location: I,
      rentType: 'short_term',
      propertyType: 'apartment',
      features: ['pool', 'gym'],
    },
    intent: s,
  },
  {
    message: 'edremitte villa kiralik uzun sure, 1500 sterline kadar',
    facts: { location: G, rentType: 'long_term', propertyType: 'villa', maxPrice: 1500 },
    intent: s,
  },
  {
    message: 'yeni boğaziçi satılık daire 3+1 en fazla 5 milyon TL',
    facts: {
      location: F,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 3,
      maxBedrooms: 3,
      maxPrice: 100000,
    },
    intent: s,
  },
  {
    message: 'iskelede deniz manzarali 2 yatak odali kiralik daire',
    facts: {
      location: I,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      features: ['sea_view'],
    },
    intent: s,
  },
  {
    message: 'kiralik ev ariyorum ozankoy veya catalkoy, bahce sart',
    facts: { location: G, rentType: 'long_term', propertyType: 'house', features: ['garden'] },
    intent: s,
  },
  {
    message: 'lapta stüdyo daire kiralık 250 pound altı',
    facts: { location: LAP, rentType: 'long_term', propertyType: 'studio', maxPrice: 250 },
    intent: s,
  },
  {
    message: 'satilik villa girne disinda olsun, havuzlu',
    facts: { excludeLocations: [G], rentType: 'sale', propertyType: 'villa', features: ['pool'] },
    intent: s,
  },
  {
    message: 'magusa haric her yer olur, 2+1 kiralik',
    facts: { excludeLocations: [F], rentType: 'long_term', minBedrooms: 2, maxBedrooms: 2 },
    intent: s,
  },
  {
    message: 'karaoglanoglunda tatil icin villa 1 haftalik, 5 kisiyiz, 3 yatak odasi',
    facts: {
      location: G,
      rentType: 'short_term',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    intent: s,
  },
  {
    message:
      "Merhaba, Lefkoşa Hamitköy'de 3 yatak odalı, otoparkı olan satılık ev bakıyorum, bütçem 150 bin sterlin.",
    facts: {
      location: L,
      rentType: 'sale',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
      maxPrice: 150000,
      features: ['parking'],
    },
    intent: s,
  },
  {
    message: 'girnede aylik kiralik daire 500-700 stg arasi balkonlu',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minPrice: 500,
      maxPrice: 700,
      features: ['balcony'],
    },
    intent: s,
  },
  {
    message: 'iskele bogazda satilik penthouse deniz manzarali 200bin £ max',
    facts: {
      location: I,
      rentType: 'sale',
      propertyType: 'penthouse',
      maxPrice: 200000,
      features: ['sea_view'],
    },
    intent: s,
  },
  {
    message: 'doganköyde kiralık müstakil ev, kedim var',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'house',
      features: ['pet_friendly'],
    },
    intent: s,
  },
  {
    message: 'en az 3 yatak odalı satılık villa alsancakta',
    facts: { location: ALS, rentType: 'sale', propertyType: 'villa', minBedrooms: 3 },
    intent: s,
  },
  {
    message: 'gunluk kiralik ev girne, gecesi 100 euroyu gecmesin',
    facts: { location: G, rentType: 'short_term', propertyType: 'house', maxPrice: 86 },
    intent: s,
  },
  {
    message: 'mağusa kiralık eşyalı 1+1, 12 bin tl',
    facts: {
      location: F,
      rentType: 'long_term',
      minBedrooms: 1,
      maxBedrooms: 1,
      maxPrice: 240,
      features: ['furnished'],
    },
    intent: s,
  },
  {
    message: 'satilik 2+1 daire lefkosa, max 250000 dolar',
    facts: {
      location: L,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 197500,
    },
    intent: s,
  },
  {
    message: 'kiralık bungalov esentepe, havuz olsun, klima olsun',
    facts: {
      location: ESE,
      rentType: 'long_term',
      propertyType: 'bungalow',
      features: ['pool', 'air_conditioning'],
    },
    intent: s,
  },
  {
    message: 'long beachte tatil icin gecelik daire 2+1, denize yakin',
    facts: {
      location: I,
      rentType: 'short_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      features: ['beach'],
    },
    intent: s,
  },
  {
    message: 'guzelyurtta uzun donem kiralik daire 10 bin tl altinda',
    facts: { location: Z, rentType: 'long_term', propertyType: 'apartment', maxPrice: 200 },
    intent: s,
  },
  {
    message: "Girne'de satılık 4+1 villa, havuzlu, bahçeli, deniz manzaralı, 500-750 bin sterlin",
    facts: {
      location: G,
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 4,
      maxBedrooms: 4,
      minPrice: 500000,
      maxPrice: 750000,
      features: ['pool', 'garden', 'sea_view'],
    },
    intent: s,
  },
  {
    message: 'gonyelide kiralik 3+1, esyasiz olsun',
    facts: { location: L, rentType: 'long_term', minBedrooms: 3, maxBedrooms: 3 },
    intent: s,
  },
  {
    message: 'bellapais civari kiralik villa aylik 2 bin sterline kadar',
    facts: { location: BEL, rentType: 'long_term', propertyType: 'villa', maxPrice: 2000 },
    intent: s,
  },
  {
    message: "tatil için iskele'de 1 haftalığına stüdyo, bütçe gecelik 40 pound",
    facts: { location: I, rentType: 'short_term', propertyType: 'studio', maxPrice: 40 },
    intent: s,
  },
  {
    message: 'magosada satılık ev 100 bin pounda kadar',
    facts: { location: F, rentType: 'sale', propertyType: 'house', maxPrice: 100000 },
    intent: s,
  },
  {
    message: 'kiralik daire lazim acil, lefkosa kaymakli, 2 oda 1 salon',
    facts: {
      location: L,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: s,
  },
  {
    message: 'spor salonu ve havuzu olan site içinde satılık daire, iskele',
    facts: { location: I, rentType: 'sale', propertyType: 'apartment', features: ['gym', 'pool'] },
    intent: s,
  },
  {
    message: 'alsancakta otoparkli balkonlu kiralik 2+1 daire 650 sterline kadar',
    facts: {
      location: ALS,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 650,
      features: ['parking', 'balcony'],
    },
    intent: s,
  },
  {
    message: 'girne zeytinlik kiralık villa uzun dönem, evcil hayvan kabul edilsin',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'villa',
      features: ['pet_friendly'],
    },
    intent: s,
  },
  {
    message: 'trikomoda satilik 1+1 daire 60 bin sterlinden ucuz',
    facts: {
      location: I,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
      maxPrice: 60000,
    },
    intent: s,
  },

  // Refinements of a conversation.
  {
    message: 'daha ucuz bisey yok mu',
    memory: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 600,
    },
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 480,
    },
    intent: r,
  },
  {
    message: 'lefkoşada olsun',
    memory: { location: F, rentType: 'long_term', propertyType: 'apartment', maxPrice: 500 },
    facts: { location: L, rentType: 'long_term', propertyType: 'apartment', maxPrice: 500 },
    intent: r,
  },
  {
    message: 'havuz şart değil',
    memory: {
      location: ESE,
      rentType: 'sale',
      propertyType: 'villa',
      features: ['pool', 'sea_view'],
    },
    facts: { location: ESE, rentType: 'sale', propertyType: 'villa', features: ['sea_view'] },
    intent: r,
  },
  {
    message: 'denize daha yakın olsun',
    memory: { location: I, rentType: 'short_term', propertyType: 'apartment' },
    facts: { location: I, rentType: 'short_term', propertyType: 'apartment', features: ['beach'] },
    intent: r,
  },
  {
    message: 'daire yerine villa bakalim',
    memory: { location: G, rentType: 'sale', propertyType: 'apartment', maxPrice: 150000 },
    facts: { location: G, rentType: 'sale', propertyType: 'villa', maxPrice: 150000 },
    intent: r,
  },
  {
    message: 'daha buyuk olsun',
    memory: { rentType: 'long_term', propertyType: 'house', minBedrooms: 3 },
    facts: { rentType: 'long_term', propertyType: 'house', minBedrooms: 4 },
    intent: r,
  },
  {
    message: 'butceyi 800e cikarabilirim',
    memory: { location: LAP, rentType: 'long_term', propertyType: 'apartment', maxPrice: 600 },
    facts: { location: LAP, rentType: 'long_term', propertyType: 'apartment', maxPrice: 800 },
    intent: r,
  },
  {
    message: 'girne olmasin',
    memory: { rentType: 'long_term', propertyType: 'apartment', minBedrooms: 2, maxBedrooms: 2 },
    facts: {
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      excludeLocations: [G],
    },
    intent: r,
  },
  {
    message: 'biraz daha pahali olabilir',
    memory: { location: G, rentType: 'short_term', propertyType: 'villa', maxPrice: 200 },
    facts: { location: G, rentType: 'short_term', propertyType: 'villa', maxPrice: 250 },
    intent: r,
  },
  {
    message: 'eşyalı olmasa da olur',
    memory: {
      location: L,
      rentType: 'long_term',
      propertyType: 'apartment',
      features: ['furnished', 'parking'],
    },
    facts: { location: L, rentType: 'long_term', propertyType: 'apartment', features: ['parking'] },
    intent: r,
  },
  {
    message: 'aynısı ama bellapaiste',
    memory: {
      location: G,
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    facts: {
      location: BEL,
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    intent: r,
  },
  {
    message: 'klimali ve balkonlu olsun',
    memory: { location: F, rentType: 'long_term', propertyType: 'apartment', maxPrice: 400 },
    facts: {
      location: F,
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 400,
      features: ['air_conditioning', 'balcony'],
    },
    intent: r,
  },
  {
    message: 'daha kucuk de olur',
    memory: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: r,
  },
  {
    message: 'tatil icin gecelik de bakar misin',
    memory: { location: L, rentType: 'long_term', propertyType: 'house' },
    facts: { location: L, rentType: 'short_term', propertyType: 'house' },
    intent: r,
  },
  {
    message: 'daha ucuzu olsun lutfen',
    memory: { location: ALS, rentType: 'long_term', maxPrice: 900 },
    facts: { location: ALS, rentType: 'long_term', maxPrice: 720 },
    intent: r,
  },
  {
    message: 'karsiyakada var mi',
    memory: { location: G, rentType: 'short_term', propertyType: 'apartment', features: ['pool'] },
    facts: { location: KAR, rentType: 'short_term', propertyType: 'apartment', features: ['pool'] },
    intent: r,
  },
  {
    message: 'deniz manzarali olsun, 700 sterlini gecmesin',
    memory: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 700,
      features: ['sea_view'],
    },
    intent: r,
  },
  {
    message: 'magusa yerine iskele',
    memory: {
      location: F,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 80000,
    },
    facts: {
      location: I,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 80000,
    },
    intent: r,
  },

  // Other intents.
  { message: 'merhaba iyi aksamlar', facts: {}, intent: 'greeting' },
  {
    message: 'tesekkurler cok yardimci oldunuz',
    memory: { location: G, rentType: 'long_term', propertyType: 'apartment' },
    facts: { location: G, rentType: 'long_term', propertyType: 'apartment' },
    intent: 'thanks',
  },
  {
    message: 'bir emlak danismaniyla konusabilir miyim',
    memory: { location: ESE, rentType: 'sale', propertyType: 'villa' },
    facts: { location: ESE, rentType: 'sale', propertyType: 'villa' },
    intent: 'human',
  },
  {
    message: 'bu villayi pazar gunu gezebilir miyiz',
    memory: { location: BEL, rentType: 'sale', propertyType: 'villa', features: ['pool'] },
    facts: { location: BEL, rentType: 'sale', propertyType: 'villa', features: ['pool'] },
    intent: 'viewing',
  },
  {
    message: 'laptada 2+1 kiralik daire cikarsa bana haber verin',
    facts: {
      location: LAP,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: 'notify',
  },
  { message: 'yabancılar kktc de ev alabiliyor mu', facts: {}, intent: 'question:buying' },
  {
    message: 'eşdeğer koçan ile türk koçanı arasındaki fark ne',
    facts: {},
    intent: 'question:title_deeds',
  },
  { message: 'ev alirsam oturma izni veriliyor mu', facts: {}, intent: 'question:residency' },
  {
    message: 'long beachte satilik daire fiyatlari ne kadar',
    facts: { location: I, rentType: 'sale', propertyType: 'apartment' },
    intent: 'question:prices',
  },
  {
    message: 'mağusada akşam yemeği için güzel bir meyhane önerir misiniz',
    facts: {},
    intent: 'off_topic',
  },
  { message: 'baf ta satilik villa var mi', facts: {}, intent: 'outside_area' },
  {
    message: 'her seyi sil bastan baslayalim',
    memory: { location: I, rentType: 'sale', propertyType: 'apartment', maxPrice: 100000 },
    facts: {},
    intent: 'reset',
  },
  {
    message: 'yetkili biri beni telefonla arasın, numaram 0533 812 44 90',
    memory: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: 'human',
  },
];
