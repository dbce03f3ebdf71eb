import { claim, phraseAt, type Scan } from './scan';

/**
 * Bedrooms in digits or words: "2 bed", "two-bedroom", "3br", "2-3 bedrooms",
 * "3+ beds", "at least 2 bedrooms", "up to 3 bedrooms", and the local "3+1".
 * A bare count is exact (min = max); "studio" sets the property type, not bedrooms.
 */

export const BED_WORDS = new Set([
  'bed',
  'beds',
  'bedroom',
  'bedrooms',
  'bedroomed',
  'bedrm',
  'bedrms',
  'br',
  'brs',
  'bdr',
  'bdrs',
  'bdrm',
  'bdrms',
  'bd',
  'bds',
  'bedder',
  'bedders',
  'bedrooom',
  'bedroms',
  'bedrom',
  'bedoom',
]);

/** Words allowed between the count and "bedrooms": "2 double bedrooms". */
const BED_ADJECTIVES = new Set([
  'double',
  'large',
  'big',
  'spacious',
  'separate',
  'good',
  'sized',
  'en',
  'suite',
  'ensuite',
  'master',
]);

const AT_LEAST = [
  ['at', 'least'],
  ['min'],
  ['minimum'],
  ['no', 'less', 'than'],
  ['not', 'less', 'than'],
];
const MORE_THAN = [['more', 'than'], ['over']];
const AT_MOST = [
  ['up', 'to'],
  ['upto'],
  ['max'],
  ['maximum'],
  ['at', 'most'],
  ['no', 'more', 'than'],
  ['not', 'more', 'than'],
];
const LESS_THAN = [['less', 'than'], ['fewer', 'than'], ['under']];
const OR_MORE_AFTER = [
  ['or', 'more'],
  ['plus'],
  ['+'],
  ['and', 'up'],
  ['or', 'above'],
  ['minimum'],
  ['min'],
  ['at', 'least'],
];

export interface BedroomFinding {
  min?: number;
  max?: number;
}

export function findBedrooms(scan: Scan): BedroomFinding | undefined {
  const { terms, used } = scan;
  for (let i = 0; i < terms.length; i++) {
    const n = count(scan, i);
    if (n === undefined || used[i]) continue;

    // "3+1": rooms plus a living room, the way North Cyprus listings say it.
    if (
      terms[i + 1]?.text === '+' &&
      smallCount(terms[i + 2]?.num) &&
      (terms[i + 2]?.num?.value ?? 9) <= 2
    ) {
      const afterEnd = bedWordAt(scan, i + 3);
      claim(scan, i, afterEnd ?? i + 3);
      return { min: n, max: n };
    }

    // "2-3 bedrooms", "2 to 3 beds", "2 or 3 bed", "between 2 and 3 bedrooms".
    const sep = terms[i + 1]?.text;
    if (sep === '-' || sep === 'to' || sep === 'or' || sep === 'and') {
      const m = count(scan, i + 2);
      const end = m === undefined ? undefined : bedWordAt(scan, i + 3);
      if (m !== undefined && end !== undefined) {
        const start = terms[i - 1]?.text === 'between' ? i - 1 : i;
        claim(scan, start, end);
        return { min: Math.min(n, m), max: Math.max(n, m) };
      }
    }

    // "3+ bedrooms", "2 or more bedrooms".
    const plusEnd = firstPhrase(scan, i + 1, [['+'], ['plus'], ['or', 'more']]);
    if (plusEnd !== undefined) {
      const end = bedWordAt(scan, plusEnd);
      if (end !== undefined) {
        claim(scan, i, end);
        return { min: n };
      }
    }

    const end = bedWordAt(scan, i + 1);
    if (end === undefined) continue;
    const before = qualifierBefore(scan, i);
    claim(scan, before?.start ?? i, end);
    const afterEnd = firstPhrase(scan, end, OR_MORE_AFTER);
    if (afterEnd !== undefined) {
      claim(scan, end, afterEnd);
      return { min: n };
    }
    if (before?.kind === 'min') return { min: n };
    if (before?.kind === 'more') return { min: n + 1 };
    if (before?.kind === 'max') return { max: n };
    if (before?.kind === 'less') return { max: Math.max(0, n - 1) };
    return { min: n, max: n };
  }
  return bedroomsAfterWord(scan);
}

/** "bedrooms: 3", "beds 2" — the count after the word, only when nothing claimed it. */
function bedroomsAfterWord(scan: Scan): BedroomFinding | undefined {
  const { terms, used } = scan;
  for (let i = 0; i < terms.length; i++) {
    if (used[i] || !BED_WORDS.has(terms[i]!.text)) continue;
    const at = terms[i + 1]?.text === ':' ? i + 2 : i + 1;
    const n = count(scan, at);
    if (n === undefined || used[at]) continue;
    claim(scan, i, at + 1);
    return { min: n, max: n };
  }
  return undefined;
}

/** A whole number of rooms at `i` (digits or a number word), else undefined. */
function count(scan: Scan, i: number): number | undefined {
  const num = scan.terms[i]?.num;
  return smallCount(num) ? num!.value : undefined;
}

function smallCount(num: { value: number; scaled: boolean } | undefined): boolean {
  return (
    num !== undefined &&
    !num.scaled &&
    Number.isInteger(num.value) &&
    num.value >= 0 &&
    num.value <= 20
  );
}

/** End of a bedroom word at `i` (after an optional hyphen and up to two adjectives). */
function bedWordAt(scan: Scan, i: number): number | undefined {
  let j = scan.terms[i]?.text === '-' ? i + 1 : i;
  for (let k = 0; k < 2 && BED_ADJECTIVES.has(scan.terms[j]?.text ?? ''); k++) j++;
  const text = scan.terms[j]?.text;
  if (text === undefined || scan.used[j] || !BED_WORDS.has(text)) return undefined;
  // "bed room" written apart.
  return scan.terms[j + 1]?.text === 'room' || scan.terms[j + 1]?.text === 'rooms' ? j + 2 : j + 1;
}

function firstPhrase(scan: Scan, start: number, phrases: string[][]): number | undefined {
  for (const words of phrases) {
    const end = phraseAt(scan, start, words);
    if (end >= 0) return end;
  }
  return undefined;
}

function qualifierBefore(
  scan: Scan,
  i: number,
): { kind: 'min' | 'more' | 'max' | 'less'; start: number } | undefined {
  const groups = [
    ['min', AT_LEAST],
    ['more', MORE_THAN],
    ['max', AT_MOST],
    ['less', LESS_THAN],
  ] as const;
  for (const [kind, phrases] of groups) {
    for (const words of phrases) {
      const start = i - words.length;
      if (start >= 0 && phraseAt(scan, start, words) === i) return { kind, start };
    }
  }
  return undefined;
}
