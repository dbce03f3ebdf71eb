import { ENGLISH_LISTING_WORDS } from './keywords';
import type { Term } from './tokens';

/**
 * "does the first one have parking?", "ikinci dairede havuz var mı", "а вторая квартира с
 * мебелью?": a listing the last reply showed, named by its place in the list. Asked about,
 * it is a question about that listing, not a new filter.
 */

/** Position in the list (0 for the first; -1 for the last one shown). */
const ENGLISH: Readonly<Record<string, number>> = {
  first: 0,
  second: 1,
  third: 2,
  fourth: 3,
  fifth: 4,
  last: -1,
};
/** "the first one", "first listing": an English ordinal names a listing with these. */
const ENGLISH_AFTER = new Set([...ENGLISH_LISTING_WORDS, 'option', 'penthouse', 'bungalow']);
/** ... or after "the", but not "the first floor", "the first time". */
const ENGLISH_NOT_AFTER = new Set(['floor', 'time', 'month', 'week', 'year', 'day', 'night']);

const TURKISH: Readonly<Record<string, number>> = {
  ilk: 0,
  birinci: 0,
  ikinci: 1,
  ucuncu: 2,
  dorduncu: 3,
  besinci: 4,
  sonuncu: -1,
};
/** "ilki", "ikincisinde", "ikincinin", "ilkinde": possessive and case endings. */
const TURKISH_FORM = new RegExp(
  `^(${Object.keys(TURKISH).join('|')})(?:s?i(?:n(?:in|de|e|i)?)?|n?in|n?de|y?e|y?i)?$`,
);
/** "ilk defa", "ilk kez": the first time, not the first listing. */
const TURKISH_NOT_AFTER = new Set(['defa', 'kez', 'kere', 'kat', 'ay', 'hafta', 'yil']);

/** Folded Russian stems (й reads as и) with up to three letters of ending. */
const RUSSIAN: ReadonlyArray<readonly [RegExp, number]> = [
  [/^перв\p{L}{1,3}$/u, 0],
  [/^втор(?!ник)\p{L}{1,3}$/u, 1],
  [/^трет\p{L}{1,3}$/u, 2],
  [/^четв[её]рт\p{L}{1,3}$/u, 3],
  [/^пят(?:ая|ыи|ую|ои|ом|ого)$/u, 4],
  [/^последн\p{L}{1,3}$/u, -1],
];
/** "первый раз", "первый этаж": the first time or floor. */
const RUSSIAN_NOT_AFTER = new Set(['раз', 'этаж', 'этаже', 'линия', 'линии', 'месяц']);

/** The position of the shown listing a message names, or undefined when it names none. */
export function shownListingNamed(terms: readonly Term[]): number | undefined {
  for (let i = 0; i < terms.length; i++) {
    const text = terms[i]!.text;
    const next = terms[i + 1]?.text ?? '';
    const english = ENGLISH[text];
    if (
      english !== undefined &&
      !ENGLISH_NOT_AFTER.has(next) &&
      (ENGLISH_AFTER.has(next) || terms[i - 1]?.text === 'the')
    )
      return english;
    const turkish = TURKISH_FORM.exec(text)?.[1];
    if (turkish !== undefined && !TURKISH_NOT_AFTER.has(next)) return TURKISH[turkish];
    for (const [pattern, position] of RUSSIAN)
      if (pattern.test(text) && !RUSSIAN_NOT_AFTER.has(next)) return position;
  }
  return undefined;
}
