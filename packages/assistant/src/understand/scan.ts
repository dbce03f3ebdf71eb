import type { Term } from './tokens';

/**
 * The message being understood: its terms, and which of them a parser has already
 * claimed, so "long beach" (a place) never also counts as "long" (let) or "beach".
 */
export interface Scan {
  terms: Term[];
  used: boolean[];
}

export function createScan(terms: Term[]): Scan {
  return { terms, used: terms.map(() => false) };
}

/** Hyphens and slashes join words ("long-term", "a/c", "sea-view") and are skipped in phrases. */
export function isJoiner(text: string | undefined): boolean {
  return text === '-' || text === '/';
}

/**
 * End index (exclusive) when `words` match unused terms starting at `start`, else -1.
 * A joiner between two phrase words is skipped.
 */
export function phraseAt(scan: Scan, start: number, words: readonly string[]): number {
  let i = start;
  for (let w = 0; w < words.length; w++) {
    if (w > 0 && isJoiner(scan.terms[i]?.text)) i++;
    const term = scan.terms[i];
    if (term === undefined || scan.used[i] || term.text !== words[w]) return -1;
    i++;
  }
  return i;
}

export function claim(scan: Scan, start: number, end: number): void {
  for (let i = start; i < end; i++) scan.used[i] = true;
}

export interface PhraseMatch<T> {
  start: number;
  end: number;
  value: T;
}

/** Phrases grouped by first word, longest first, so lookups stay O(terms). */
export type PhraseTable<T> = Map<string, { words: string[]; value: T }[]>;

export function phraseTable<T>(entries: Iterable<readonly [string, T]>): PhraseTable<T> {
  const table: PhraseTable<T> = new Map();
  for (const [phrase, value] of entries) {
    const words = phrase.split(' ');
    const list = table.get(words[0]!) ?? [];
    list.push({ words, value });
    table.set(words[0]!, list);
  }
  for (const list of table.values()) list.sort((a, b) => b.words.length - a.words.length);
  return table;
}

/** Every non-overlapping match of the table's phrases, left to right, longest first. */
export function findPhrases<T>(scan: Scan, table: PhraseTable<T>): PhraseMatch<T>[] {
  const found: PhraseMatch<T>[] = [];
  for (let i = 0; i < scan.terms.length; i++) {
    const candidates = table.get(scan.terms[i]!.text);
    if (candidates === undefined) continue;
    for (const { words, value } of candidates) {
      const end = phraseAt(scan, i, words);
      if (end < 0) continue;
      found.push({ start: i, end, value });
      i = end - 1;
      break;
    }
  }
  return found;
}

/** Punctuation and words after which an earlier "no"/"not" no longer applies. */
const CLAUSE_BREAKS = new Set([
  ',',
  '.',
  ';',
  '!',
  '?',
  ':',
  'but',
  'with',
  'though',
  'however',
  'ama',
  'fakat',
  'ancak',
  'но',
  'с',
  'со',
]);

const NEGATORS = new Set([
  'no',
  'not',
  'without',
  'dont',
  'doesnt',
  'forget',
  'drop',
  'remove',
  'except',
  'excluding',
  'exclude',
  'skip',
  'minus',
  'never',
  'nor',
  'neither',
  'ditch',
  'scrap',
  'lose',
  'instead',
  'rather',
  // Russian puts the negation first too: "без бассейна", "не в Кирении", "кроме Лапты".
  'без',
  'не',
  'нет',
  'кроме',
  'вместо',
  // "необязательно с мебелью": need not be, said before the thing.
  'необязательно',
]);

/**
 * Words between a negator and the thing it waves away that say nothing themselves:
 * "doesn't (necessarily) have to be furnished", "does not need to be", "no need for a pool".
 * They do not use up the window, so a longer "need not be" still reaches its word.
 */
const NEED_FILLERS = new Set([
  'have',
  'has',
  'to',
  'be',
  'need',
  'needs',
  'necessarily',
  'really',
  'it',
  'a',
  'an',
  'the',
]);

const WITH = new Set(['с', 'со']);
/** "(не)обязательно с бассейном": "с" breaks a clause, except after a word saying "need not". */
function optionalBefore(scan: Scan, i: number): boolean {
  const prev = scan.terms[i - 1]?.text;
  return prev === 'необязательно' || (prev === 'обязательно' && scan.terms[i - 2]?.text === 'не');
}

/** True when a negator sits within `window` terms before `start`, in the same clause. */
export function negatedBefore(scan: Scan, start: number, window = 3): boolean {
  let counted = 0;
  for (let i = start - 1; i >= 0 && counted < window; i--) {
    const text = scan.terms[i]!.text;
    if (WITH.has(text) && optionalBefore(scan, i)) return true;
    if (CLAUSE_BREAKS.has(text)) return false;
    if (NEGATORS.has(text)) return true;
    if (!NEED_FILLERS.has(text)) counted++;
  }
  return false;
}

const NOT_NEEDED = new Set(['needed', 'necessary', 'required', 'important', 'essential', 'must']);
const AFTER_NEGATORS = new Set(['not', 'isnt', 'arent', 'doesnt', 'dont', 'no']);
/** Turkish negates after the noun: "havuz olmasın", "Girne hariç", "eşya istemiyorum". */
const TURKISH_NEGATORS = new Set([
  'olmasin',
  'olmadan',
  'istemiyorum',
  'istemiyoruz',
  'degil',
  'haric',
  'yok',
  'gereksiz',
  'yerine',
  // Need not be: "eşyalı olmasa da olur", "havuz olmazsa da olur", "bahçe gerekmez".
  'olmasa',
  'olmazsa',
  // "havuzu olmayan da olur": one without it.
  'olmayan',
  'olmayanlar',
  'gerekmez',
  'gerekmiyor',
]);
/** Russian waves a thing away after naming it too: "бассейн не нужен", "мебель не обязательна". */
const RUSSIAN_NOT_NEEDED = new Set([
  'нужен',
  'нужна',
  'нужно',
  'нужны',
  'надо',
  'обязательно',
  'обязателен',
  'обязательна',
  'важно',
  'обязательны',
  'требуется',
  'важна',
  'важен',
  'важны',
  'принципиально',
]);
/** Said after the thing with no "не": "мебель необязательна", "бассейн необязателен". */
const RUSSIAN_OPTIONAL = new Set([
  'необязательно',
  'необязательна',
  'необязателен',
  'необязательны',
]);

/** "pool not needed", "garden is optional": a feature waved away after it is named. */
export function negatedAfter(scan: Scan, end: number): boolean {
  let negator = false;
  for (let i = end; i < scan.terms.length && i < end + 4; i++) {
    const text = scan.terms[i]!.text;
    // "daire 500den fazla olmasın": a number starts a price, the negation is the price's.
    // "kiralık daire Girne hariç": a place read before (its words claimed) takes the
    // negation after it.
    if (CLAUSE_BREAKS.has(text) || scan.terms[i]!.num !== undefined || scan.used[i]) return false;
    if (text === 'optional' || text === 'unnecessary' || TURKISH_NEGATORS.has(text)) return true;
    if (RUSSIAN_OPTIONAL.has(text)) return true;
    // "furnished or not", "с мебелью или без": either will do.
    const next = scan.terms[i + 1]?.text;
    if ((text === 'or' && next === 'not') || (text === 'или' && next === 'без')) return true;
    if (text === 'не' && RUSSIAN_NOT_NEEDED.has(scan.terms[i + 1]?.text ?? '')) return true;
    if (AFTER_NEGATORS.has(text)) negator = true;
    else if (negator && (NOT_NEEDED.has(text) || text === 'matter')) return true;
  }
  return false;
}

/**
 * Words that make a negated thing one that need not be, rather than one refused: "no
 * need for a pool", "forget the pool", "pool not required", "eşyasız da olur", "havuz
 * olmasa da olur", "можно без мебели", "бассейн не нужен". Without one of them, "no pool",
 * "havuz olmasın" and "без бассейна" say the person does not want it.
 */
const WAIVERS = new Set([
  'need',
  'needs',
  'needed',
  'necessary',
  'necessarily',
  'required',
  'essential',
  'important',
  'matter',
  'optional',
  'unnecessary',
  'forget',
  'drop',
  'remove',
  'skip',
  'ditch',
  'scrap',
  'lose',
  'instead',
  'rather',
  'olur',
  'olmasa',
  'olmazsa',
  'olmayan',
  'olmayanlar',
  'gerek',
  'gerekmez',
  'gerekmiyor',
  'gereksiz',
  'sart',
  'fark',
  'farketmez',
  'onemli',
  'yerine',
  'можно',
  'вместо',
  ...RUSSIAN_NOT_NEEDED,
  ...RUSSIAN_OPTIONAL,
]);
/** Two-word waivers: "doesn't have to", "furnished or not", "с мебелью или без". */
const WAIVER_PAIRS: Readonly<Record<string, string>> = {
  have: 'to',
  has: 'to',
  or: 'not',
  или: 'без',
};

function waiverAt(scan: Scan, i: number, after: boolean): boolean {
  const text = scan.terms[i]!.text;
  if (WAIVERS.has(text) || (after && text === 'must')) return true;
  const pair = WAIVER_PAIRS[text];
  return pair !== undefined && scan.terms[i + 1]?.text === pair;
}

/**
 * True when a negated thing at `start`..`end` is waved away as one that need not be
 * (see WAIVERS), judged in its own clause; false when it is refused outright.
 */
export function waivedNear(scan: Scan, start: number, end: number): boolean {
  for (let i = start - 1; i >= 0 && i >= start - 5; i--) {
    const text = scan.terms[i]!.text;
    if (WITH.has(text) && optionalBefore(scan, i)) return true;
    if (CLAUSE_BREAKS.has(text)) break;
    if (waiverAt(scan, i, false)) return true;
  }
  for (let i = end; i < scan.terms.length && i < end + 4; i++) {
    if (CLAUSE_BREAKS.has(scan.terms[i]!.text) || scan.terms[i]!.num !== undefined) break;
    if (waiverAt(scan, i, true)) return true;
  }
  return false;
}
