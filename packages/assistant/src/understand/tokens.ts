/**
 * Turns a message into a flat list of terms the parsers can walk by index.
 * One linear regex pass and no backtracking-prone patterns: the rule agent is
 * benchmarked at hundreds of messages a second.
 */

export interface NumberInfo {
  value: number;
  /** Written with a multiplier ("250k", "1.5 million"). */
  scaled: boolean;
  /** The multiplier used, so "1-1.5k" can lend it to the bare "1". */
  multiplier: number;
  /** Written as a word ("two"), only trusted for bedrooms. */
  spelled: boolean;
}

export interface Term {
  /** Folded word, a symbol (`£`, `-`, `+`, `,` ...) or `#` for a number. */
  text: string;
  num?: NumberInfo;
}

const NUMBER_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  // Turkish ("bir" is also "a", but a spelled number only counts next to a bedroom word).
  bir: 1,
  iki: 2,
  uc: 3,
  dort: 4,
  bes: 5,
  // Russian, in the forms that go with "bedrooms".
  один: 1,
  одна: 1,
  однои: 1,
  одну: 1,
  два: 2,
  две: 2,
  двумя: 2,
  двух: 2,
  три: 3,
  тремя: 3,
  трех: 3,
  четыре: 4,
  четырьмя: 4,
  четырех: 4,
  пять: 5,
};

const MULTIPLIERS: Record<string, number> = {
  k: 1_000,
  grand: 1_000,
  thousand: 1_000,
  m: 1_000_000,
  mil: 1_000_000,
  mn: 1_000_000,
  million: 1_000_000,
  bin: 1_000,
  // With a Turkish ending: "250 bine kadar", "1,5 milyondan az".
  bine: 1_000,
  binden: 1_000,
  bini: 1_000,
  binlik: 1_000,
  milyon: 1_000_000,
  milyona: 1_000_000,
  milyondan: 1_000_000,
  milyonluk: 1_000_000,
  к: 1_000,
  тыс: 1_000,
  // Spoken and typed short: "350 тыщ", "тыщи", "тыщу", "тысячу".
  тыщ: 1_000,
  тыщи: 1_000,
  тыща: 1_000,
  тыщу: 1_000,
  тысячу: 1_000,
  тысяч: 1_000,
  тысячи: 1_000,
  тысяча: 1_000,
  млн: 1_000_000,
  миллион: 1_000_000,
  миллиона: 1_000_000,
  миллионов: 1_000_000,
};

// Currency symbols, numbers with separators, words (Latin or Cyrillic), and the
// punctuation that matters.
const TOKEN = /[£€$₺]|\d+(?:[.,]\d+)*|[a-z]+|[а-я]+|[-+/<>~:;,.!?&]/g;

/**
 * Lower-case, strip accents (and the Turkish dotless i), drop apostrophes, so
 * "Girne'de" reads "girnede" and "и"/"е" read "и"/"е".
 */
export function normalise(text: string): string {
  return text
    .replace(/[ıİ]/g, 'i')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[–—]/g, '-');
}

/** "250,000" and "1.200" are thousands; "1.5" and "2,5" are decimals. */
export function parseNumber(raw: string): number | undefined {
  // "1,000.00", "1.000,50": with both separators, the last one is the decimal point.
  const mixed = /^(\d{1,3}(?:([.,])\d{3})+)[.,](\d{1,2})$/.exec(raw);
  if (mixed !== null && !raw.endsWith(`${mixed[2]}${mixed[3]}`))
    return Number(`${mixed[1]!.replaceAll(mixed[2]!, '')}.${mixed[3]}`);
  const groups = raw.split(/[.,]/);
  if (groups.length === 1) return Number(raw);
  if (groups.slice(1).every((g) => g.length === 3)) return Number(groups.join(''));
  if (groups.length === 2) return Number(`${groups[0]}.${groups[1]}`);
  return undefined;
}

export function tokenize(message: string): Term[] {
  const raw = normalise(message).match(TOKEN) ?? [];
  const terms: Term[] = [];
  for (let i = 0; i < raw.length; i++) {
    const text = raw[i]!;
    const first = text.charCodeAt(0);
    if (first >= 48 && first <= 57) {
      let digits = text;
      // "250 000", "1 500 000": a space as the thousands separator; "1 200 фунтов" too
      // when a currency follows (else "2 150" may be two numbers).
      if (/^\d{1,3}$/.test(text)) {
        let end = i + 1;
        while (/^\d{3}$/.test(raw[end] ?? '')) end++;
        const groups = raw.slice(i + 1, end);
        if (
          groups.length > 1 ||
          groups[0] === '000' ||
          (groups.length === 1 && CURRENCY.test(raw[end] ?? ''))
        ) {
          digits += groups.join('');
          raw.splice(i + 1, groups.length);
        }
      }
      const value = parseNumber(digits);
      if (value === undefined || !Number.isFinite(value)) continue;
      terms.push(withMultiplier(value, raw, i));
      continue;
    }
    // "yarım milyon", "half a million", "полмиллиона": half of the multiplier after it.
    const half = halfAt(raw, i);
    if (half !== undefined) {
      terms.push({
        text: '#',
        num: { value: half.value, scaled: true, multiplier: half.value * 2, spelled: false },
      });
      i = half.end - 1;
      continue;
    }
    const spelled = NUMBER_WORDS[text];
    if (spelled !== undefined) {
      terms.push({
        text: '#',
        num: { value: spelled, scaled: false, multiplier: 1, spelled: true },
      });
      continue;
    }
    terms.push({ text });
  }
  return terms;
}

const CURRENCY =
  /^(?:[£€$₺]|tl|gbp|eur|usd|stg|pound\p{L}*|sterlin\p{L}*|euro\p{L}*|dolar\p{L}*|lira\p{L}*|фунт\p{L}*|евро|лир\p{L}*|доллар\p{L}*)$/u;

const HALF = new Set(['half', 'yarim', 'пол']);
const HALF_OF: Readonly<Record<string, number>> = {
  million: 1_000_000,
  milyon: 1_000_000,
  milyona: 1_000_000,
  миллиона: 1_000_000,
  миллион: 1_000_000,
  полмиллиона: 1_000_000,
};

function halfAt(raw: readonly string[], i: number): { value: number; end: number } | undefined {
  if (raw[i] === 'полмиллиона') return { value: 500_000, end: i + 1 };
  if (!HALF.has(raw[i]!)) return undefined;
  const at = raw[i + 1] === 'a' ? i + 2 : i + 1;
  const whole = HALF_OF[raw[at] ?? ''];
  return whole === undefined ? undefined : { value: whole / 2, end: at + 1 };
}

/** Folds a following "k"/"million" into the number; "80m2" and "100m" stay metres. */
function withMultiplier(value: number, raw: string[], i: number): Term {
  const next = raw[i + 1];
  const multiplier = next === undefined ? undefined : MULTIPLIERS[next];
  const plain: Term = { text: '#', num: { value, scaled: false, multiplier: 1, spelled: false } };
  if (multiplier === undefined) return plain;
  if (multiplier === 1_000_000 && (value >= 100 || raw[i + 2] === '2')) return plain;
  raw.splice(i + 1, 1); // the multiplier word is part of the number now
  return {
    text: '#',
    num: { value: round2(value * multiplier), scaled: true, multiplier, spelled: false },
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
