import { BED_WORDS } from './bedrooms';
import { currencyOfWord } from './currency';
import { claim, findPhrases, phraseAt, phraseTable, type Scan } from './scan';
import type { NumberInfo } from './tokens';

/**
 * Prices: "under 800", "max £250k", "1.5k", "£250,000", "between 600 and 900",
 * "600-900", "budget 700", "from 500", "over 2000", "80 a night".
 * A number counts as money when something says so (a currency sign, a multiplier,
 * a qualifier such as "under", a period such as "a month"), or when it is bare and at
 * least 100 (bedrooms and distances are smaller, and have their own words).
 * An "about"/"around" price is read as a ceiling.
 */

export interface BudgetFinding {
  min?: number;
  max?: number;
  /** "a month" / "a night" said next to the price: a hint for the rent type. */
  period?: Period;
  /** Index of the term holding the first amount, to tell which period words belong to it. */
  at?: number;
  /** The bounds written as plain numbers, with no "k", "bin" or "тыс": "under 150". */
  bare?: { min?: boolean; max?: boolean };
}

type Direction = 'max' | 'min';
export type Period = 'month' | 'night' | 'week';

const CURRENCY_SIGNS = new Set(['£', '€', '$', '₺']);
/** Pound slang the currency patterns leave out (it never needs converting). */
const POUND_SLANG = new Set(['quid', 'stg', 'стерлингов']);
const isCurrency = (text: string) => POUND_SLANG.has(text) || currencyOfWord(text) !== undefined;
/** Skipped when looking back from a number for its qualifier: "budget is £700". */
const FILLERS = new Set([
  ':',
  'of',
  'is',
  'my',
  'a',
  'an',
  'the',
  'be',
  'at',
  'around',
  'about',
  'в',
  'за',
]);

const QUALIFIERS: ReadonlyArray<readonly [Direction, string[]]> = [
  ...[
    'under',
    'below',
    'beneath',
    'less than',
    'lower than',
    'cheaper than',
    'no more than',
    'not more than',
    'not over',
    'not above',
    'max',
    'maximum',
    'up to',
    'upto',
    'at most',
    'no higher than',
    // "nothing over 800": the "over" is ruled out.
    'nothing over',
    'nothing above',
    'nothing more than',
    '<',
    'within',
    'budget',
    'spend',
    'afford',
    'limit',
    'around',
    'about',
    'approx',
    'approximately',
    'roughly',
    '~',
    'circa',
    'close to',
    'costing',
    'priced at',
    'en fazla',
    'en cok',
    'maksimum',
    'maks',
    'butce',
    'butcem',
    'butcemiz',
    'до',
    'не дороже',
    'не более',
    'не больше',
    'максимум',
    'бюджет',
    'в пределах',
    'дешевле',
    'меньше',
    'примерно',
    'около',
    'за',
  ].map((p) => ['max', p.split(' ')] as const),
  ...[
    'over',
    'above',
    'more than',
    'higher than',
    'from',
    'min',
    'minimum',
    'at least',
    'starting at',
    'starting from',
    'upwards of',
    'no less than',
    'not less than',
    '>',
    'in excess of',
    'en az',
    'от',
    'не меньше',
    'не менее',
    'не дешевле',
    'больше',
    'более',
    'свыше',
    'дороже',
    'минимум',
  ].map((p) => ['min', p.split(' ')] as const),
];

const AFTER: ReadonlyArray<readonly [Direction, string[]]> = [
  ...[
    // "500den fazla olmasın", "800 üstü olmasın": more than the amount is ruled out.
    'den fazla olmasin',
    'dan fazla olmasin',
    'ten fazla olmasin',
    'tan fazla olmasin',
    'den fazla vermem',
    'dan fazla vermem',
    'den fazla degil',
    'dan fazla degil',
    'fazla olmasin',
    'ustu olmasin',
    'uzeri olmasin',
    'or less',
    'or under',
    'or below',
    'or lower',
    'or cheaper',
    'max',
    'maximum',
    'tops',
    'at most',
    'at the most',
    'altinda',
    'alti',
    've alti',
    've altinda',
    'kadar',
    'e kadar',
    'a kadar',
    'ye kadar',
    'ya kadar',
    'den az',
    'dan az',
    'ten az',
    'tan az',
    'az',
    'den ucuz',
    'dan ucuz',
    'и меньше',
    'или меньше',
    'максимум',
  ].map((p) => ['max', p.split(' ')] as const),
  ...[
    'or more',
    'plus',
    '+',
    'or above',
    'and up',
    'and above',
    'or over',
    'minimum',
    'min',
    'upwards',
    'at least',
    'uzeri',
    'ustu',
    've uzeri',
    've ustu',
    'den fazla',
    'dan fazla',
    'ten fazla',
    'tan fazla',
    'и больше',
    'и выше',
    'или больше',
  ].map((p) => ['min', p.split(' ')] as const),
];

const PERIODS: ReadonlyArray<readonly [Period, string[]]> = [
  ...[
    'a month',
    'per month',
    'month',
    'monthly',
    'pcm',
    'a mo',
    'per mo',
    'mo',
    'p m',
    'pm',
    'aylik',
    'ayda',
    'в месяц',
    'за месяц',
    'месяц',
    'в мес',
    'мес',
    'ежемесячно',
    'помесячно',
  ].map((p) => ['month', p.split(' ')] as const),
  ...[
    'a night',
    'per night',
    'night',
    'nightly',
    'pn',
    'p n',
    'a nite',
    'per nite',
    'nite',
    'gecelik',
    'gece',
    'geceligi',
    'gunluk',
    'за ночь',
    'в сутки',
    'за сутки',
    'ночь',
    'сутки',
    'посуточно',
  ].map((p) => ['night', p.split(' ')] as const),
  ...[
    'a week',
    'per week',
    'week',
    'weekly',
    'pw',
    'p w',
    'haftalik',
    'haftada',
    'в неделю',
    'за неделю',
    'неделя',
  ].map((p) => ['week', p.split(' ')] as const),
];

const periodTable = phraseTable(
  PERIODS.map(([period, words]) => [words.join(' '), period] as const),
);

/**
 * A price period named with no amount: "per month", "aylık", "в месяц" — the answer to
 * "I took £100 as a nightly rate; say "per month" if you meant otherwise".
 */
export function findPeriodAlone(scan: Scan): Period | undefined {
  return findPhrases(scan, periodTable)[0]?.value;
}

/** What follows a number that is not a price: "5 minutes", "120 sqm", "4 people". */
const UNITS = new Set([
  'sqm',
  'sq',
  'square',
  'm',
  'm2',
  'metres',
  'meters',
  'metre',
  'meter',
  'ft',
  'feet',
  'km',
  'kms',
  'kilometers',
  'kilometres',
  'minutes',
  'minute',
  'mins',
  'min',
  'mile',
  'miles',
  'years',
  'year',
  'yrs',
  'yr',
  'people',
  'persons',
  'person',
  'guests',
  'guest',
  'adults',
  'adult',
  'kids',
  'children',
  'nights',
  'days',
  'day',
  'weeks',
  'week',
  'months',
  'floor',
  'floors',
  'storey',
  'stories',
  'bathrooms',
  'bathroom',
  'bath',
  'baths',
  'wc',
  'toilets',
  'rooms',
  'room',
  'percent',
  'st',
  'nd',
  'rd',
  'th',
  'x',
  'cars',
  'car',
  'acres',
  'acre',
  'donum',
  'donums',
  'star',
  'stars',
  'am',
  'oclock',
  'kisi',
  'gun',
  'gunu',
  'dakika',
  'metre',
  'yas',
  'yil',
  'человек',
  'минут',
  'минуты',
  'метров',
  'днеи',
  'дня',
  'ночеи',
  'ночи',
  'лет',
  'года',
  'кв',
  'м',
]);

export function findBudget(scan: Scan): BudgetFinding | undefined {
  const found: BudgetFinding = {};
  const { terms, used } = scan;
  for (let i = 0; i < terms.length; i++) {
    const num = terms[i]!.num;
    if (num === undefined || num.spelled || used[i]) continue;

    const range = rangeAt(scan, i);
    if (range !== undefined) {
      found.min = range.min;
      found.max = range.max;
      found.bare = { min: range.minBare, max: range.maxBare };
      found.period ??= range.period;
      found.at ??= i;
      i = range.end - 1;
      continue;
    }

    const before = lookBack(scan, i);
    const after = lookAhead(scan, i + 1, num.value);
    if (after.unit || yearLike(scan, i, num.value, before.currency)) continue;
    const evidence =
      before.currency ||
      after.currency ||
      num.scaled ||
      before.direction !== undefined ||
      after.direction !== undefined ||
      after.period !== undefined;
    const plausible = num.value >= 10 || before.currency || after.currency || num.scaled;
    if (!(evidence ? plausible : num.value >= 100)) continue;

    const direction = after.direction ?? before.direction ?? 'max';
    found[direction] = num.value;
    found.bare = { ...found.bare, [direction]: !num.scaled };
    found.period ??= after.period;
    found.at ??= i;
    claim(scan, before.start, after.end);
    i = after.end - 1;
  }
  return found.min === undefined && found.max === undefined && found.period === undefined
    ? undefined
    : found;
}

interface Before {
  start: number;
  currency: boolean;
  direction?: Direction;
}

function lookBack(scan: Scan, i: number): Before {
  const { terms } = scan;
  let currency = false;
  let j = i;
  for (let skipped = 0; j > 0 && skipped < 3; skipped++) {
    const text = terms[j - 1]!.text;
    if (CURRENCY_SIGNS.has(text)) currency = true;
    else if (!FILLERS.has(text) || qualifierEndingAt(scan, j) !== undefined) break;
    j--;
  }
  const q = qualifierEndingAt(scan, j);
  return q === undefined
    ? { start: j, currency }
    : { start: q.start, currency, direction: q.direction };
}

function qualifierEndingAt(
  scan: Scan,
  end: number,
): { direction: Direction; start: number } | undefined {
  for (const [direction, words] of QUALIFIERS) {
    const start = end - words.length;
    if (start >= 0 && phraseAt(scan, start, words) === end) return { direction, start };
  }
  return undefined;
}

interface After {
  end: number;
  currency: boolean;
  unit: boolean;
  direction?: Direction;
  period?: Period;
}

function lookAhead(scan: Scan, start: number, value: number): After {
  const { terms } = scan;
  let j = start;
  let currency = false;
  while (j < terms.length && isCurrency(terms[j]!.text)) {
    currency = true;
    j++;
  }
  const next = terms[j]?.text;
  // "6 month let" is a length of stay; "800 month" is a price.
  if (next === 'month' && value <= 24) return { end: j, currency, unit: true };
  if ((next === 'pm' || next === 'am') && value <= 12) return { end: j, currency, unit: true };
  if (next !== undefined && !currency && (UNITS.has(next) || BED_WORDS.has(next))) {
    return { end: j, currency, unit: true };
  }
  const result: After = { end: j, currency, unit: false };
  for (let round = 0; round < 2; round++) {
    const at = terms[result.end]?.text === '/' ? result.end + 1 : result.end;
    const period = firstMatch(scan, at, PERIODS);
    if (period !== undefined && result.period === undefined) {
      result.period = period.value;
      result.end = period.end;
      continue;
    }
    const direction = firstMatch(scan, result.end, AFTER);
    if (direction !== undefined && result.direction === undefined) {
      result.direction = direction.value;
      result.end = direction.end;
      continue;
    }
    break;
  }
  return result;
}

function firstMatch<T>(
  scan: Scan,
  at: number,
  table: ReadonlyArray<readonly [T, string[]]>,
): { value: T; end: number } | undefined {
  for (const [value, words] of table) {
    const end = phraseAt(scan, at, words);
    if (end >= 0) return { value, end };
  }
  return undefined;
}

/** "built in 2019", "since 2020": a year, not a price. */
function yearLike(scan: Scan, i: number, value: number, currency: boolean): boolean {
  if (currency || value < 1900 || value > 2100 || !Number.isInteger(value)) return false;
  const prev = scan.terms[i - 1]?.text;
  return prev === 'in' || prev === 'since' || prev === 'built' || prev === 'year';
}

interface Range {
  min: number;
  max: number;
  minBare: boolean;
  maxBare: boolean;
  end: number;
  period?: Period;
}

/** "600-900", "£600 to £900", "between 600 and 900", "1-1.5k". */
function rangeAt(scan: Scan, i: number): Range | undefined {
  const { terms } = scan;
  const first = terms[i]!.num!;
  let j = i + 1;
  const afterFirst = lookAhead(scan, j, first.value);
  if (afterFirst.unit) return undefined;
  j = afterFirst.end;
  const sep = terms[j]?.text;
  const before = lookBack(scan, i);
  const between =
    terms[before.start]?.text === 'between' || terms[before.start - 1]?.text === 'between';
  if (
    !(
      sep === '-' ||
      sep === 'to' ||
      sep === 'till' ||
      sep === 'until' ||
      sep === 'до' ||
      (sep === 'ile' && terms[j + 1]?.num !== undefined) ||
      (sep === 'and' && between)
    )
  ) {
    return undefined;
  }
  j++;
  let currency = before.currency || afterFirst.currency;
  while (CURRENCY_SIGNS.has(terms[j]?.text ?? '')) {
    currency = true;
    j++;
  }
  const second = terms[j]?.num;
  if (second === undefined || second.spelled || scan.used[j]) return undefined;
  const after = lookAhead(scan, j + 1, second.value);
  if (after.unit) return undefined;
  const low = lentMultiplier(first, second);
  const evidence =
    currency || after.currency || first.scaled || second.scaled || between || after.period;
  if (!evidence && Math.max(low, second.value) < 100) return undefined;
  claim(scan, before.start, after.end);
  // "100-200k": the "k" lent to the first end scales it too.
  const firstBare = !first.scaled && low === first.value;
  const firstIsMin = low <= second.value;
  return {
    min: Math.min(low, second.value),
    max: Math.max(low, second.value),
    minBare: firstIsMin ? firstBare : !second.scaled,
    maxBare: firstIsMin ? !second.scaled : firstBare,
    end: after.end,
    period: after.period ?? afterFirst.period,
  };
}

/** In "200-300k" the "k" belongs to both ends. */
function lentMultiplier(first: NumberInfo, second: NumberInfo): number {
  if (first.scaled || !second.scaled) return first.value;
  const lent = first.value * second.multiplier;
  return lent <= second.value ? lent : first.value;
}
