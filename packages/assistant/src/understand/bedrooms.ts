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
  // Turkish "yatak odası" (bed room), with "oda..." as its tail.
  'yatak',
  // "3 oda", "3 odalı", "4+ oda": Turkish counts bedrooms as rooms when no "+1" follows.
  'oda',
  'odali',
  'odalar',
  'odalari',
  'odasi',
  'спальня',
  'спальни',
  'спален',
  'спальнями',
  'спальнеи',
  'спальню',
  'спальная',
  'спальную',
  'спальные',
  'спальныи',
]);

/** The second word of a two-word bedroom: "bed room", "yatak odalı". */
const ROOM_TAILS = new Set([
  'room',
  'rooms',
  'oda',
  'odali',
  'odasi',
  'odalari',
  'odalar',
  'odaya',
]);

/** Russian counts rooms with the living room: "трехкомнатная" is two bedrooms. */
const OR_WORDS = [['or'], ['ya', 'da'], ['veya'], ['yada'], ['или'], ['-'], ['/']];

/** Between two counts: a range or a choice, read the same way. */
const RANGE_WORDS = [['to'], ['and'], ['ila'], ['ile'], ['и'], ...OR_WORDS];

const RUSSIAN_ROOMS: ReadonlyArray<readonly [prefix: string, rooms: number]> = [
  // Slang for flats by rooms: "однушка", "двушка", "трешка" (трёшка), "четырешка".
  ['однушк', 1],
  ['двушк', 2],
  ['трешк', 3],
  ['четырешк', 4],
  ['одноком', 1],
  ['двухком', 2],
  ['двухкомнат', 2],
  ['трехком', 3],
  ['четырехком', 4],
  ['пятиком', 5],
];

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
  'х',
]);

const AT_LEAST = [
  ['at', 'least'],
  ['min'],
  ['minimum'],
  ['no', 'less', 'than'],
  ['not', 'less', 'than'],
  ['en', 'az'],
  ['не', 'менее'],
  ['не', 'меньше'],
  ['минимум'],
  ['от'],
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
  ['en', 'fazla'],
  ['не', 'более'],
  ['не', 'больше'],
  ['максимум'],
  ['до'],
];
const MORE_AFTER = new Set(['daha', 'more', 'extra']);
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
  ['ve', 'uzeri'],
  ['ve', 'ustu'],
  ['veya', 'daha', 'fazla'],
  ['и', 'больше'],
  ['или', 'больше'],
  ['и', 'более'],
];

export interface BedroomFinding {
  min?: number;
  max?: number;
  /** "1+0", "однокомнатная": one room, a studio. */
  studio?: boolean;
  /** "трешка": the word names a flat as well as its rooms. */
  flat?: boolean;
}

export function findBedrooms(scan: Scan): BedroomFinding | undefined {
  const { terms, used } = scan;
  for (let i = 0; i < terms.length; i++) {
    const n = count(scan, i);
    if (n === undefined || used[i]) continue;

    // "1+0": a single room.
    if (n === 1 && terms[i + 1]?.text === '+' && terms[i + 2]?.num?.value === 0) {
      claim(scan, i, i + 3);
      return { studio: true };
    }
    // "3+1": rooms plus a living room, the way North Cyprus listings say it.
    if (
      terms[i + 1]?.text === '+' &&
      smallCount(terms[i + 2]?.num) &&
      (terms[i + 2]?.num?.value ?? 9) <= 2
    ) {
      const afterEnd = bedWordAt(scan, i + 3) ?? i + 3;
      // "2+1 ya da 3+1", "2+1 or 3+1", "2+1 или 3+1": either layout.
      const orEnd = firstPhrase(scan, afterEnd, OR_WORDS);
      const m = orEnd === undefined ? undefined : count(scan, orEnd);
      if (orEnd !== undefined && m !== undefined && terms[orEnd + 1]?.text === '+') {
        const end = orEnd + 3;
        claim(scan, i, bedWordAt(scan, end) ?? end);
        return { min: Math.min(n, m), max: Math.max(n, m) };
      }
      claim(scan, i, afterEnd);
      return { min: n, max: n };
    }

    // "2-3 bedrooms", "2 to 3 beds", "2 or 3 bed", "between 2 and 3 bedrooms", "2 veya 3
    // yatak odalı", "2 ya da 3 oda", "2 или 3 спальни".
    const sepEnd = firstPhrase(scan, i + 1, RANGE_WORDS);
    if (sepEnd !== undefined) {
      const m = count(scan, sepEnd);
      const end = m === undefined ? undefined : bedWordAt(scan, sepEnd + 1);
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
    // "bir oda daha", "one more room": a room more than before, not a count.
    if (end === undefined || MORE_AFTER.has(terms[end]?.text ?? '')) continue;
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
  return russianRooms(scan) ?? bedroomsAfterWord(scan);
}

/** "двухкомнатная", "3-комнатная", "3х комнатную": rooms, one of them the living room. */
function russianRooms(scan: Scan): BedroomFinding | undefined {
  const { terms, used } = scan;
  for (let i = 0; i < terms.length; i++) {
    const text = terms[i]!.text;
    if (used[i]) continue;
    // "евродвушка": a "euro" flat has its kitchen in the living room; rooms count the same.
    const word = text.startsWith('евро') ? text.slice(4) : text;
    const spelled = RUSSIAN_ROOMS.find(([prefix]) => word.startsWith(prefix));
    let rooms = spelled?.[1] ?? roomsShorthand(scan, i);
    let start = i;
    if (rooms === undefined && text.startsWith('комнат')) {
      // "3-комнатная", "3х комнатная", "3-х комнатная".
      let j = i - 1;
      if (terms[j]?.text === 'х') j--;
      if (terms[j]?.text === '-') j--;
      const n = count(scan, j);
      if (n === undefined || used[j]) continue;
      rooms = n;
      start = j;
    }
    if (rooms === undefined) continue;
    claim(scan, start, i + 1);
    const flat = /шк/.test(text) ? { flat: true } : {};
    return rooms <= 1 ? { studio: true } : { min: rooms - 1, max: rooms - 1, ...flat };
  }
  return undefined;
}

/**
 * "2к квартира", "3к квартиру": Russian shorthand for rooms, which the number reader took
 * for thousands. Only right before the word for a flat; "квартира за 2к" is a budget.
 */
function roomsShorthand(scan: Scan, i: number): number | undefined {
  const num = scan.terms[i]!.num;
  if (num?.multiplier !== 1_000 || !scan.terms[i + 1]?.text.startsWith('квартир')) return undefined;
  const rooms = num.value / 1_000;
  return Number.isInteger(rooms) && rooms >= 1 && rooms <= 5 ? rooms : undefined;
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
  // "bed room" written apart, "yatak odası".
  if (ROOM_TAILS.has(scan.terms[j + 1]?.text ?? '')) return j + 2;
  return text === 'yatak' ? undefined : j + 1;
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
