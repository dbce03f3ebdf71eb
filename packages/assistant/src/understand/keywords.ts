import type { Feature, PropertyType, RentType } from '@parley/validators';
import { withinDistance } from './edit-distance';
import {
  claim,
  createScan,
  findPhrases,
  negatedAfter,
  negatedBefore,
  phraseTable,
  type Scan,
  waivedNear,
} from './scan';

/**
 * Word tables for rent type, property type and features, and how conflicts between
 * them are settled. Phrases are folded text; hyphens and slashes between words are
 * skipped, so "long term" also covers "long-term" and "a c" covers "a/c".
 */

/** How sure a word is about the rent type; the strongest signal wins, not the first. */
type RentSignal = 'short' | 'long' | 'sale' | 'holiday' | 'rent';
const RENT_PRIORITY: readonly RentSignal[] = ['short', 'long', 'sale', 'holiday', 'rent'];
const RENT_OF: Record<RentSignal, RentType> = {
  short: 'short_term',
  long: 'long_term',
  sale: 'sale',
  holiday: 'short_term',
  rent: 'long_term',
};

const RENT_WORDS: ReadonlyArray<readonly [string, RentSignal]> = [
  ...[
    'short term',
    'shortterm',
    'short let',
    'short lets',
    'short stay',
    'short stays',
    'short rental',
    'nightly',
    'per night',
    'a night',
    'night',
    'nights',
    'nite',
    'airbnb',
    'weekly',
    'weekend',
    'a week',
    'weeks',
    'daily',
    'holiday let',
    'holiday lets',
    'holiday rental',
    'holiday rentals',
    'vacation rental',
    'vacation rentals',
    // Turkish
    'gunluk',
    'gunlugu',
    'gunlugune',
    'geceligi',
    'haftaligi',
    'gunluk kiralik',
    'gecelik',
    'kisa donem',
    'kisa sureli',
    'haftalik',
    'tatil icin',
    // Russian
    'посуточно',
    'посуточная',
    'посуточную',
    'на сутки',
    'сутки',
    'за ночь',
    'на ночь',
    'ночь',
    'на неделю',
    'на пару днеи',
    'пару днеи',
    'на несколько днеи',
    'несколько днеи',
    'на выходные',
    'на выходные',
    'краткосрочно',
    'краткосрочная',
    'краткосрочную',
  ].map((p) => [p, 'short'] as const),
  ...[
    'long term',
    'longterm',
    'long let',
    'long lets',
    'long stay',
    'long rental',
    'monthly',
    'per month',
    'a month',
    'month',
    'pcm',
    'yearly',
    'annual',
    'per year',
    'a year',
    'to live',
    'live in',
    // Turkish
    'uzun donem',
    'kislik',
    'kis icin',
    'for the winter',
    'over the winter',
    'months',
    'месяцев',
    'месяца',
    'полгода',
    'на полгода',
    // A stay of a month or a year, like "for a month" and "1 aylığına".
    'на месяц',
    'на год',
    'на зиму',
    'uzun sureli',
    'aylik',
    'ayligi',
    'ayligina',
    'yilligi',
    'ayda',
    'yillik',
    // Russian
    'долгосрочно',
    'долгосрочная',
    'долгосрочную',
    'долгосрочнои',
    'долгосрочныи',
    'долгосрочную аренду',
    'на длительныи срок',
    'на длительныи',
    'надолго',
    'помесячно',
    'в месяц',
    'за месяц',
    'на год',
    'для жизни',
    'пмж',
  ].map((p) => [p, 'long'] as const),
  ...[
    'buy',
    'buying',
    'to buy',
    'purchase',
    'purchasing',
    'for sale',
    'sale',
    'forsale',
    'on sale',
    'investment',
    'invest',
    'resale',
    'freehold',
    'title deed',
    'title deeds',
    'mortgage',
    // Turkish
    'satilik',
    'satiliklar',
    'satiliyor',
    'satilan',
    'satilanlar',
    'satilir',
    'satis',
    'satista',
    'satin almak',
    'satin al',
    'satin alma',
    'satinalmak',
    'almak',
    'almak istiyorum',
    'yatirim',
    'yatirimlik',
    // Russian
    'купить',
    'куплю',
    'покупка',
    'покупки',
    'покупку',
    'продажа',
    'продажи',
    'продаже',
    'на продажу',
    'продается',
    'продаются',
    'продам',
    'инвестиции',
    'инвестиции',
    'инвестиция',
    // Paying in instalments or with a mortgage is buying.
    'payment plan',
    'payment plans',
    'installments',
    'instalments',
    'off plan',
    'offplan',
    'taksit',
    'taksitli',
    'taksitle',
    'рассрочка',
    'рассрочку',
    'рассрочкои',
    'ипотека',
    'ипотеку',
    'ипотекои',
  ].map((p) => [p, 'sale'] as const),
  ...[
    'holiday',
    'holidays',
    'vacation',
    'vacations',
    'tatil',
    'tatilde',
    'tatillik',
    'отпуск',
    'отпуска',
    'отдых',
    'отдыха',
    // A season or a few weeks is a holiday stay ("снять виллу на лето", "kiralık yazlık"):
    // below buying, so "satılık yazlık" (a summer house to buy) stays a purchase.
    'summer',
    'summertime',
    'fortnight',
    'two weeks',
    'for june',
    'for july',
    'for august',
    'yazlik',
    'yazliklar',
    'yazlikta',
    'yaz icin',
    'yaz tatili',
    'yaz tatilinde',
    'yaz aylari',
    'bayram',
    'bayramda',
    // Numbers are "#" terms: "iki hafta", "2 недели", "на две недели".
    '# hafta',
    '# haftalik',
    '# haftaligina',
    'haziran icin',
    'temmuz icin',
    'agustos icin',
    'на лето',
    'летом',
    'на отпуск',
    'каникулы',
    'на каникулы',
    'на праздники',
    '# недели',
    '# недель',
    'на пару недель',
    'пару недель',
    'на сезон',
    'на июнь',
    'на июль',
    'на август',
  ].map((p) => [p, 'holiday'] as const),
  ...[
    'rent',
    'rental',
    'rentals',
    'renting',
    'to let',
    'for let',
    'lease',
    'leasing',
    'tenant',
    'tenancy',
    'kiralik',
    'kiraliklar',
    'kiralaniyor',
    'kiralanan',
    'kiralanir',
    'kira',
    'kiralamak',
    'kiraya',
    'kiralanacak',
    'kiralar',
    'kiralari',
    'kirasi',
    'kiraci',
    'аренда',
    'аренду',
    'аренды',
    'арендовать',
    'арендую',
    'снять',
    'сниму',
    'снимать',
    'сдается',
    'сдаются',
    'сдам',
    'в аренду',
  ].map((p) => [p, 'rent'] as const),
];

const PROPERTY_WORDS: ReadonlyArray<readonly [string, PropertyType]> = [
  ...[
    'flat',
    'flats',
    'apartment',
    'apartments',
    'apt',
    'apts',
    'appartment',
    'appartments',
    'apartmant',
    'apartmnet',
    'apartmet',
    'appartement',
    'aparment',
    'apartement',
    'condo',
    'condos',
    'duplex',
    'maisonette',
    'daire',
    'dayire',
    'daira',
    'deire',
    'daireler',
    'dairesi',
    'apartman',
    'apartman dairesi',
    'rezidans',
    'dubleks',
    'квартира',
    'квартиру',
    'квартиры',
    'квартир',
    'квартире',
    'квартирои',
    'квартирах',
    'квартирам',
    'квартирами',
    'квартирку',
    'квартирка',
    'апартаменты',
    'апарты',
    'апартов',
    'апартах',
    'апартаментов',
    'апартамент',
    'апартаменты',
    'дуплекс',
  ].map((p) => [p, 'apartment'] as const),
  ...[
    'villa',
    'villas',
    'vila',
    'villla',
    'villalar',
    'villasi',
    'вилла',
    'особняк',
    'особняка',
    'виллу',
    'виллы',
    'вилл',
    'вилле',
    'виллои',
    'виллах',
    'виллам',
    'виллами',
  ].map((p) => [p, 'villa'] as const),
  ...[
    'house',
    'houses',
    'townhouse',
    'townhouses',
    'town house',
    'cottage',
    'cottages',
    'detached house',
    'detached',
    'mustakil',
    'mustakil ev',
    'mustakil evler',
    'dubleks ev',
    'ikiz villa',
    'дом',
    'дома',
    'доме',
    'домик',
    'домов',
    'домах',
    'домам',
    'домом',
    'таунхаус',
    'таунхауса',
    'коттедж',
    'коттеджа',
  ].map((p) => [p, 'house'] as const),
  ...['studio', 'studios', 'studyo', 'студия', 'студию', 'студии', 'студии'].map(
    (p) => [p, 'studio'] as const,
  ),
  ...['penthouse', 'penthouses', 'pent house', 'пентхаус', 'пентхауса', 'пентхаусе'].map(
    (p) => [p, 'penthouse'] as const,
  ),
  ...['bungalow', 'bungalows', 'bungallow', 'bungalov', 'бунгало'].map(
    (p) => [p, 'bungalow'] as const,
  ),
];

/** `null` marks a word that takes a feature away ("unfurnished"). */
const FEATURE_WORDS: ReadonlyArray<readonly [string, Feature | null]> = [
  ...[
    'beach',
    'beaches',
    'beachfront',
    'beach front',
    'seafront',
    'sea front',
    'seaside',
    'by the sea',
    'near the sea',
    'close to the sea',
    'closer to the sea',
    'closer to the beach',
    'nearer the sea',
    'nearer the beach',
    'denize daha yakin',
    'sahile daha yakin',
    'ближе к морю',
    'ближе к пляжу',
    'next to the sea',
    'to the sea',
    'from the sea',
    'to the beach',
    'from the beach',
    'beachside',
    'sea side',
    'deniz kenari',
    'deniz kenarinda',
    'denize yakin',
    'на берегу',
    'берег моря',
    'у пляжа',
    'возле пляжа',
    'рядом с пляжем',
    'on the sea',
    'walk to the sea',
    'denize sifir',
    'denize yurume',
    'sahile yakin',
    'sahil',
    'plaja yakin',
    'plaj',
    'plaja',
    'у моря',
    'рядом с морем',
    'близко к морю',
    'недалеко от моря',
    'возле моря',
    'первая линия',
    'на первои линии',
    'пляж',
    'пляжа',
    'пляжу',
    'к морю',
  ].map((p) => [p, 'beach'] as const),
  ...[
    'sea view',
    'sea views',
    'seaview',
    'seaviews',
    'view of the sea',
    'views of the sea',
    'view to the sea',
    'sea facing',
    'ocean view',
    'ocean views',
    'sea vista',
    'deniz manzarali',
    'deniz manzarasi',
    'deniz manzarasina',
    'denize manzarali',
    'вид на море',
    'видом на море',
    'с видом на море',
    'вид моря',
    'видом моря',
  ].map((p) => [p, 'sea_view'] as const),
  ...[
    'pool',
    'pools',
    'swimming pool',
    'swimming',
    'swimmingpool',
    'poool',
    'havuz',
    'havuzlu',
    'havuzu',
    'ortak havuz',
    'ozel havuz',
    'бассеин',
    'басеин',
    'басеином',
    'басеина',
    'бассеином',
    'бассеина',
    'бассеине',
  ].map((p) => [p, 'pool'] as const),
  ...[
    'garden',
    'gardens',
    'yard',
    'backyard',
    'back yard',
    'garten',
    'bahce',
    'bahceli',
    'bahcesi',
    'сад',
    'садом',
    'сада',
    'садик',
  ].map((p) => [p, 'garden'] as const),
  ...[
    'furnished',
    'furniture',
    'fully furnished',
    'furnitured',
    'furnised',
    'esyali',
    'esya',
    'mobilyali',
    'мебель',
    'мебелью',
    'меблированная',
    'меблированную',
    'меблированныи',
    'с мебелью',
  ].map((p) => [p, 'furnished'] as const),
  ...[
    'parking',
    'garage',
    'garages',
    'carport',
    'car park',
    'carpark',
    'parking space',
    'off road parking',
    'driveway',
    'otopark',
    'otoparkli',
    'kapali otopark',
    'garaj',
    'garajli',
    'парковка',
    'парковкои',
    'парковки',
    'гараж',
    'гаражом',
  ].map((p) => [p, 'parking'] as const),
  ...[
    'pet',
    'pets',
    'pet friendly',
    'petfriendly',
    'pets allowed',
    'pets welcome',
    'dog',
    'dogs',
    'cat',
    'cats',
    'puppy',
    'evcil hayvan',
    'evcil',
    'kedi',
    'kopek',
    // Owning one: "köpeğim var", "kedimiz var", "у нас кошка".
    'kopegim',
    'kopegimiz',
    'kopekli',
    'kopekler',
    'kedim',
    'kedimiz',
    'kediler',
    'kedili',
    'hayvan',
    'hayvanlar',
    'hayvanim',
    'hayvanimiz',
    'собаки',
    'собаку',
    'кошка',
    'кошки',
    'кошку',
    'кот',
    'котом',
    'животных',
    'питомец',
    'питомцем',
    'животными',
    'животные',
    'питомцы',
    'питомцами',
    'собакои',
    'собака',
    'кошкои',
  ].map((p) => [p, 'pet_friendly'] as const),
  ...[
    'gym',
    'gyms',
    'fitness',
    'fitness centre',
    'fitness center',
    'spor salonu',
    'spor salonlu',
    'спортзал',
    'спортзалом',
    'тренажерныи зал',
    'тренажерным залом',
    'фитнес',
  ].map((p) => [p, 'gym'] as const),
  ...[
    'air conditioning',
    'air conditioned',
    'air conditioner',
    'air conditioners',
    'air con',
    'aircon',
    'airconditioning',
    'airconditioned',
    'a c',
    'ac',
    'climate control',
    'klima',
    'klimali',
    'кондиционер',
    'кондер',
    'кондеи',
    'кондером',
    'кондиционера',
    'кондиционером',
    'кондиционеры',
  ].map((p) => [p, 'air_conditioning'] as const),
  ...[
    'balcony',
    'balconies',
    'balcon',
    'balconey',
    'veranda',
    'verandah',
    'balkon',
    'balkonlu',
    'teras',
    'terasli',
    'балкон',
    'балконом',
    'балкона',
    'терраса',
    'террасои',
  ].map((p) => [p, 'balcony'] as const),
  ['unfurnished', null],
  ['esyasiz', null],
  ['без мебели', null],
];

const rentTable = phraseTable(RENT_WORDS);
const propertyTable = phraseTable(PROPERTY_WORDS);
const featureTable = phraseTable(FEATURE_WORDS);

/** Every word the tables know: never typo-matched to a town. */
export const KEYWORD_WORDS: ReadonlySet<string> = new Set(
  [...RENT_WORDS, ...PROPERTY_WORDS, ...FEATURE_WORDS].flatMap(([phrase]) => phrase.split(' ')),
);

/**
 * Turkish puts "not" after the word: "satılık değil kiralık", "günlük olmasın". Only these:
 * "kiralık yok mu" asks whether there is any, it does not wave renting away.
 */
const NOT_THIS = new Set(['degil', 'degilim', 'degiliz', 'olmasin', 'istemiyorum', 'istemiyoruz']);

export function findRentType(
  scan: Scan,
  period?: 'month' | 'night' | 'week',
): RentType | undefined {
  const seen = new Set<RentSignal>();
  if (period === 'night' || period === 'week') seen.add('short');
  if (period === 'month') seen.add('long');
  for (const match of findPhrases(scan, rentTable)) {
    claim(scan, match.start, match.end);
    if (negatedBefore(scan, match.start) || NOT_THIS.has(scan.terms[match.end]?.text ?? ''))
      continue;
    seen.add(match.value);
  }
  if (seen.size === 0) {
    const typo = misspeltRentWord(scan);
    if (typo !== undefined) seen.add(typo);
  }
  const strongest = RENT_PRIORITY.find((signal) => seen.has(signal));
  return strongest === undefined ? undefined : RENT_OF[strongest];
}

/** Turkish rent words typed in a hurry: "satlik", "kirlaik", "kiralk", "gunlk". */
const RENT_TYPO_TARGETS: ReadonlyArray<readonly [string, RentSignal]> = [
  ['satilik', 'sale'],
  ['kiralik', 'rent'],
  ['gunluk', 'short'],
  ['gecelik', 'short'],
];

function misspeltRentWord(scan: Scan): RentSignal | undefined {
  for (let i = 0; i < scan.terms.length; i++) {
    const text = scan.terms[i]!.text;
    if (scan.used[i] || !/^[a-z]{5,}$/.test(text) || KEYWORD_WORDS.has(text)) continue;
    const hit = RENT_TYPO_TARGETS.find(([word]) => withinDistance(text, word, 1));
    if (hit === undefined || negatedBefore(scan, i)) continue;
    claim(scan, i, i + 1);
    return hit[1];
  }
  return undefined;
}

/**
 * The first property type named; a studio or penthouse beats a plain "apartment"
 * ("studio flat", "penthouse apartment").
 */
const DETACHED = new Set(['mustakil', 'detached']);

export function findPropertyType(scan: Scan): PropertyType | undefined {
  const named: PropertyType[] = [];
  let detached = false;
  for (const match of findPhrases(scan, propertyTable)) {
    claim(scan, match.start, match.end);
    // "daire yerine villa", "villa olmasın": the type named before is the one not wanted.
    if (negatedBefore(scan, match.start) || negatedAfter(scan, match.end)) continue;
    // "müstakil villa", "detached bungalow": "detached" alone describes the type named
    // with it, and is a house only when nothing else is named.
    if (match.end - match.start === 1 && DETACHED.has(scan.terms[match.start]!.text))
      detached = true;
    else named.push(match.value);
  }
  if (named.length === 0) {
    const typo = inflectedPropertyType(scan) ?? misspeltPropertyType(scan);
    if (typo !== undefined) named.push(typo);
  }
  if (detached) named.push('house');
  const specific = named.find((type) => type === 'studio' || type === 'penthouse');
  if (specific !== undefined && named.every((t) => t === specific || t === 'apartment'))
    return specific;
  return named[0];
}

/**
 * English words that name one listing after a word that picks it out: "the new one",
 * "the first listing", "the latest villa". Shared by the readers of an alerted listing
 * and of a listing in the last list, which each add their own few.
 */
export const ENGLISH_LISTING_WORDS: readonly string[] = [
  'one',
  'listing',
  'property',
  'place',
  'flat',
  'apartment',
  'villa',
  'house',
  'studio',
  'home',
];

/** Words offering a choice: "bungalow or villa", "daire ya da müstakil ev", "дом или вилла". */
export const CHOICE_WORDS = new Set(['or', 'veya', 'yahut', 'ya', 'или', 'либо']);

/**
 * The other property types a message offers as a choice ("bungalow or villa"), besides
 * `chosen`, the one searched: memory holds one type, so the reply names the rest.
 */
export function otherTypesOffered(scan: Scan, chosen: PropertyType | undefined): PropertyType[] {
  if (chosen === undefined || !scan.terms.some((t) => CHOICE_WORDS.has(t.text))) return [];
  const fresh = createScan(scan.terms);
  const others = findPhrases(fresh, propertyTable)
    .filter((m) => !negatedBefore(fresh, m.start) && !negatedAfter(fresh, m.end))
    .filter((m) => !(m.end - m.start === 1 && DETACHED.has(fresh.terms[m.start]!.text)))
    .map((m) => m.value)
    .filter((type) => type !== chosen);
  return [...new Set(others)];
}

/**
 * Turkish endings on a property word: "stüdyolar", "villalarınız", "bungalovlarda",
 * "dairelerin", "penthouselar". Folded, so "ı/ü" read "i/u". One plural, one possessive
 * and one case ending at most, in that order.
 */
const TURKISH_NOUN = new RegExp(
  `^(villa|daire|studyo|studio|bungalov|bungalow|penthouse|apartman|rezidans|dubleks|mustakil)` +
    `(?:l[ae]r)?(?:[iu]?m[iu]z|[iu]?n[iu]z|[iu]?m|[iu]n|s[iu]|[iu]|y[iu])?` +
    `(?:y[ae]|[ae]|n?d[ae]|n?t[ae]|n?d[ae]n|n?t[ae]n|n?d[ae]ki|n[iu]n|[iu]n|n[iu]|n[ae]|y[iu]|[iu])?$`,
);
/**
 * "вилла" in every case, also typed with one "л" ("ищу вилу", "вилы в Лапте"), which is
 * too short for the typo match; "вилка" (a fork) is left out.
 */
const RUSSIAN_VILLA = /^вилл?(?:а|у|ы|е|ой|ою|ах|ам|ами|очку|очка)$/;
const TURKISH_STEM_TYPE: Readonly<Record<string, PropertyType>> = {
  villa: 'villa',
  daire: 'apartment',
  studyo: 'studio',
  studio: 'studio',
  bungalov: 'bungalow',
  bungalow: 'bungalow',
  penthouse: 'penthouse',
  apartman: 'apartment',
  rezidans: 'apartment',
  dubleks: 'apartment',
  mustakil: 'house',
};

function inflectedPropertyType(scan: Scan): PropertyType | undefined {
  for (let i = 0; i < scan.terms.length; i++) {
    const text = scan.terms[i]!.text;
    const type = scan.used[i]
      ? undefined
      : RUSSIAN_VILLA.test(text)
        ? 'villa'
        : TURKISH_STEM_TYPE[TURKISH_NOUN.exec(text)?.[1] ?? ''];
    if (type === undefined || negatedBefore(scan, i) || negatedAfter(scan, i + 1)) continue;
    claim(scan, i, i + 1);
    return type;
  }
  return undefined;
}

/**
 * Single words for a property type, long enough that one typo cannot make another word,
 * Latin or Cyrillic ("apartmnt", "кваритра").
 */
const TYPO_TARGETS = PROPERTY_WORDS.filter(
  ([p]) => !p.includes(' ') && (/^[a-z]{6,}$/.test(p) || /^[а-я]{7,}$/.test(p)),
);

/** "apartmnt", "penthose": an unclaimed word one edit (two for long words) from a property word. */
function misspeltPropertyType(scan: Scan): PropertyType | undefined {
  for (let i = 0; i < scan.terms.length; i++) {
    const text = scan.terms[i]!.text;
    if (scan.used[i] || !/^(?:[a-z]{6,}|[а-я]{6,})$/.test(text) || KEYWORD_WORDS.has(text))
      continue;
    // "в квартале от моря" (a block from the sea) is one letter from "квартире".
    if (text.startsWith('квартал')) continue;
    const max = text.length >= 9 ? 2 : 1;
    const hit = TYPO_TARGETS.find(([word]) => withinDistance(text, word, max));
    if (hit === undefined || negatedBefore(scan, i)) continue;
    claim(scan, i, i + 1);
    return hit[1];
  }
  return undefined;
}

/** Folded feature stems and the endings they take (never "-suz/-siz", which is "without"). */
const TURKISH_FEATURE_OF: Readonly<Record<string, Feature>> = {
  havuz: 'pool',
  bahce: 'garden',
  otopark: 'parking',
  garaj: 'parking',
  balkon: 'balcony',
  teras: 'balcony',
  klima: 'air_conditioning',
  esya: 'furnished',
  mobilya: 'furnished',
};
const TURKISH_FEATURE = new RegExp(
  `^(${Object.keys(TURKISH_FEATURE_OF).join('|')})` +
    `(?:l[iu])?(?:l[ae]r)?(?:[iu]?m[iu]z|[iu]?n[iu]z|[iu]?m|s[iu]|[iu]|y[iu])?` +
    `(?:y[ae]|[ae]|n?d[ae]|n?t[ae]|n?d[ae]n|n?d[ae]ki|n[iu]n|[iu]n|n[iu]|n[ae]|y[iu]|[iu])?$`,
);

export interface FeatureFinding {
  wanted: Feature[];
  unwanted: Feature[];
  /**
   * The unwanted features refused outright ("no pool", "havuz olmasın", "без бассейна"),
   * not merely let go ("no need for a pool", "havuz olmasa da olur", "можно без бассейна").
   */
  refused: Feature[];
}

export function findFeatures(scan: Scan): FeatureFinding {
  const wanted = new Set<Feature>();
  const unwanted = new Set<Feature>();
  const refused = new Set<Feature>();
  const refuse = (feature: Feature, start: number, end: number) => {
    unwanted.add(feature);
    if (!waivedNear(scan, start, end)) refused.add(feature);
  };
  for (const match of findPhrases(scan, featureTable)) {
    claim(scan, match.start, match.end);
    if (match.value === null) refuse('furnished', match.start, match.end);
    else if (negatedBefore(scan, match.start) || negatedAfter(scan, match.end))
      refuse(match.value, match.start, match.end);
    else wanted.add(match.value);
  }
  // Turkish endings on a feature word: "otoparkı olsun", "balkonlu", "havuzları", "bahçesinde".
  scan.terms.forEach((term, i) => {
    if (scan.used[i]) return;
    const stem = TURKISH_FEATURE.exec(term.text)?.[1];
    if (stem === undefined) return;
    claim(scan, i, i + 1);
    const feature = TURKISH_FEATURE_OF[stem]!;
    if (negatedBefore(scan, i) || negatedAfter(scan, i + 1)) refuse(feature, i, i + 1);
    else wanted.add(feature);
  });
  // Turkish "without" is a suffix: "havuzsuz", "eşyasız", "bahçesiz".
  scan.terms.forEach((term, i) => {
    if (scan.used[i]) return;
    const stem = term.text.match(/^(\p{L}{3,}?)(?:suz|siz)$/u)?.[1];
    const feature =
      stem === undefined
        ? undefined
        : featureTable.get(stem)?.find((e) => e.words.length === 1)?.value;
    if (feature === undefined) return;
    claim(scan, i, i + 1);
    refuse(feature ?? 'furnished', i, i + 1);
  });
  for (const feature of unwanted) wanted.delete(feature);
  return { wanted: [...wanted], unwanted: [...unwanted], refused: [...refused] };
}
