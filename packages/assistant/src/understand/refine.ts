import { claim, findPhrases, phraseTable, type Scan } from './scan';

/**
 * Changes relative to what came before: "cheaper", "bigger", "one more bedroom".
 * They only make sense against the conversation's memory, so they are applied when
 * the message is merged into it. Folded phrases in English, Turkish and Russian.
 */
export type Relative = 'cheaper' | 'pricier' | 'bigger' | 'smaller';

const RELATIVE: ReadonlyArray<readonly [string, Relative]> = [
  ...[
    'cheaper',
    'cheaper ones',
    'less expensive',
    'lower price',
    'lower budget',
    'too expensive',
    'too pricey',
    'too much',
    'daha ucuz',
    'daha ucuzu',
    'ucuzu',
    'ucuzlari',
    'ucuzlar',
    'more affordable',
    'less pricey',
    'lower priced',
    'cheaper options',
    'бюджетнее',
    'подешевше',
    'cok pahali',
    'pahali',
    'дешевле',
    'подешевле',
    'слишком дорого',
    'дорого',
  ].map((p) => [p, 'cheaper'] as const),
  ...[
    'more expensive',
    'pricier',
    'higher budget',
    'higher price',
    'more upmarket',
    'more luxurious',
    'daha pahali',
    'daha luks',
    'luks',
    'дороже',
    'подороже',
    'побогаче',
  ].map((p) => [p, 'pricier'] as const),
  ...[
    'bigger',
    'larger',
    'more space',
    'more room',
    'more rooms',
    'more bedrooms',
    'extra bedroom',
    'one more bedroom',
    'another bedroom',
    'daha buyuk',
    'buyuk',
    // Without "daha", with an ending: "büyüğü de olur", "büyüklerine bakalım".
    'buyugu',
    'buyugunu',
    'buyukleri',
    'buyuklerine',
    'daha genis',
    'daha fazla oda',
    'bir oda daha',
    // "bir" is read as the number 1, so the count is left off: "(bir) oda daha".
    'oda daha',
    'odasi daha',
    'daha fazla yatak',
    'daha fazla yatak odasi',
    'daha cok oda',
    'больше спальных',
    'побольше',
    'больше',
    'просторнее',
    'больше спален',
    'больше комнат',
    'еще одна спальня',
  ].map((p) => [p, 'bigger'] as const),
  ...[
    'smaller',
    'fewer bedrooms',
    'less bedrooms',
    'fewer rooms',
    'one bedroom less',
    'one less bedroom',
    'daha kucuk',
    'kucuk',
    'kucugu',
    'kucugunu',
    'kucukleri',
    'kucuklerine',
    'daha az oda',
    'daha az yatak',
    'daha az yatak odasi',
    'поменьше',
    'меньше',
    'меньше спален',
    'меньше комнат',
  ].map((p) => [p, 'smaller'] as const),
];
const relativeTable = phraseTable(RELATIVE);

/**
 * Turkish "daha" + an adjective with any ending: "daha ucuzları", "daha uygununu", "daha
 * büyükleri", "daha geniş olanlar". The stems are folded; "büyük" softens to "büyüğü".
 */
const DAHA_STEMS: ReadonlyArray<readonly [RegExp, Relative]> = [
  [/^(?:ucuz|uygun|hesapli|ekonomik)/, 'cheaper'],
  [/^(?:pahali|luks)/, 'pricier'],
  [/^(?:buyu|genis|ferah)/, 'bigger'],
  [/^(?:kucu|dar)/, 'smaller'],
];

/** Relative changes named in unclaimed words (a claimed "дешевле 800" is a budget). */
export function findRelative(scan: Scan): Relative[] {
  const found = new Set<Relative>();
  for (const match of findPhrases(scan, relativeTable)) {
    claim(scan, match.start, match.end);
    found.add(match.value);
  }
  for (let i = 0; i + 1 < scan.terms.length; i++) {
    if (scan.terms[i]!.text !== 'daha' || scan.used[i + 1]) continue;
    const next = scan.terms[i + 1]!.text;
    const hit = DAHA_STEMS.find(([stem]) => stem.test(next));
    if (hit === undefined) continue;
    claim(scan, i, i + 2);
    found.add(hit[1]);
  }
  return [...found];
}

export const RELATIVE_WORDS: ReadonlySet<string> = new Set(RELATIVE.flatMap(([p]) => p.split(' ')));
