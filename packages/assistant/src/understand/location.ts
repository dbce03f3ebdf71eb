import { DISTRICTS, findTown, foldText, type Town, townNames } from '@parley/validators';
import { withinDistance } from './edit-distance';
import { CHOICE_WORDS } from './keywords';
import { LANDMARKS } from './landmarks';
import { claim, isJoiner, type Scan } from './scan';
import { TURKISH_CASE_ENDINGS, TURKISH_PLACE_ENDINGS } from './turkish-endings';
import { VILLAGES } from './villages';

/**
 * Finds the place a message names, using the shared alias table from validators so
 * the assistant and the search filter agree on what "magusa" means.
 */

const byName = new Map<string, Town>(townNames());
// A village with no town of its own reads as its district ("Çatalköy" searches Girne), and
// so does a campus or a sight ("near EMU" searches Gazimağusa).
// A place near which people search is weaker than a place they name to live in: "landing
// at Ercan, a flat in Girne" searches Girne. Landmarks map to a copy of their district's
// town, so the reader can tell them apart.
const landmarkTowns = new Set<Town>();
for (const district of DISTRICTS) {
  const town = findTown(district)!;
  const landmark = { ...town };
  landmarkTowns.add(landmark);
  for (const village of VILLAGES[district]) {
    const folded = foldText(village);
    if (!byName.has(folded)) byName.set(folded, town);
  }
  for (const name of LANDMARKS[district]) {
    const folded = foldText(name);
    if (!byName.has(folded)) byName.set(folded, landmark);
  }
}
// Names of two words are also typed as one: "longbeach", "yeniboğaziçi".
for (const [name, town] of [...byName]) {
  const joined = name.replaceAll(' ', '');
  if (joined !== name && !byName.has(joined)) byName.set(joined, town);
}
const longestName = Math.max(...[...byName.keys()].map((name) => name.split(' ').length));
/** First words of names of two words or more: only these start a longer match. */
const firstWords = new Set(
  [...byName.keys()].filter((name) => name.includes(' ')).map((name) => name.split(' ')[0]!),
);
const townNamesOnly = new Set(townNames().map(([name]) => name));

/**
 * Single-word names long enough to be worth a typo match: towns from 5 letters, villages
 * from 7 (a short village name is one letter from too many words).
 */
const fuzzyNames = byLength(
  [...byName.entries()].filter(
    ([name]) => /^[a-z]{7,}$/.test(name) || (/^[a-z]{5,}$/.test(name) && townNamesOnly.has(name)),
  ),
);

/** Words that come right before a place someone does NOT want. */
const LOCATION_NEGATORS = new Set([
  'not',
  'no',
  'except',
  'excluding',
  'outside',
  'avoid',
  'avoiding',
  'не',
  'кроме',
  'исключая',
]);
/** "don't want Famagusta", "never liked Lapta": a wish word after a negation excludes. */
const WISH_WORDS = new Set(['want', 'like', 'need', 'fancy']);
const WISH_NEGATORS = new Set(['dont', 'not', 'never', 'doesnt', 'didnt', 'wouldnt']);
const LOCATION_FILLERS = new Set([
  'in',
  'of',
  'the',
  'near',
  'around',
  'at',
  'to',
  'live',
  'be',
  'anything',
  'в',
  'во',
  'на',
]);
/** Turkish says it after the place: "Girne hariç", "Girne'de olmasın", "Lapta dışında". */
const LOCATION_NEGATORS_AFTER = new Set([
  'haric',
  'olmasin',
  'degil',
  'disinda',
  'disi',
  'istemiyorum',
  'istemiyoruz',
  'istemem',
  'olmaz',
]);
/** Turkish "instead of" follows the place too: "Mağusa yerine İskele" replaces Mağusa. */
const REPLACING_AFTER = new Set(['yerine', 'yerina', 'yerne']);

function negatedAfterPlace(next: string | undefined): 'exclude' | 'replace' | undefined {
  if (next === undefined) return undefined;
  if (LOCATION_NEGATORS_AFTER.has(next)) return 'exclude';
  return REPLACING_AFTER.has(next) ? 'replace' : undefined;
}

/**
 * "Girne'den başka bir yer" (somewhere other than Girne) replaces the place; only with the
 * ablative, since "Girne'de başka villa" is another villa in Girne.
 */
function otherThan(scan: Scan, end: number): 'replace' | undefined {
  const next = scan.terms[end]?.text;
  if (next !== 'baska' && next !== 'disinda') return undefined;
  return /(?:[dt][ae]n)$/.test(scan.terms[end - 1]!.text) ? 'replace' : undefined;
}

/** "anywhere but Girne", "any town but Lapta": "but" excludes after these. */
const ANY_PLACE = new Set(['anywhere', 'everywhere', 'anything', 'any', 'town', 'area', 'place']);

export interface LocationFinding {
  /** Canonical town name (what listings store), e.g. "Girne" for "kyrenia". */
  wanted?: string;
  /** A place named with "not"/"instead of": dropped if it is the remembered one. */
  unwanted?: string;
  /** Places named with "not"/"except"/"hariç"/"кроме": kept out of the search. */
  excluded: string[];
  /** Places offered as a choice after the wanted one ("Alsancak or Lapta"): not searched. */
  alternatives: string[];
}

export function findLocation(scan: Scan, knownWords: ReadonlySet<string>): LocationFinding {
  const finding: LocationFinding = { excluded: [], alternatives: [] };
  const { terms, used } = scan;
  const exclude = (name: string) => {
    finding.unwanted ??= name;
    if (!finding.excluded.includes(name)) finding.excluded.push(name);
  };
  let last: { name: string; end: number; negation: 'exclude' | 'replace' | undefined } | undefined;
  // The places of a list so far ("Lapta, Alsancak and"), and whether its first was excluded
  // by a word before it: "except Lapta, Alsancak and Karşıyaka" leaves out all three.
  let list: string[] = [];
  let listExcluded = false;
  let near: string | undefined;
  for (let i = 0; i < terms.length; i++) {
    if (used[i]) continue;
    const hit = exactAt(scan, i) ?? inflectedAt(scan, i) ?? fuzzyAt(scan, i, knownWords);
    if (hit === undefined) continue;
    claim(scan, i, hit.end);
    const before = negatedPlace(scan, i);
    let negation =
      negatedAfterPlace(scan.terms[hit.end]?.text) ?? otherThan(scan, hit.end) ?? before;
    const joiner = last !== undefined && last.end === i - 1 ? terms[i - 1]!.text : undefined;
    // "Girne ve Lapta dışında", "except Girne and Lapta", "кроме Кирении и Лапты": a
    // negation before or after a list of places applies to every place in it.
    const listed = joiner !== undefined && PLACE_LIST.has(joiner);
    if (joiner === undefined || (joiner !== ',' && !listed)) {
      list = [];
      listExcluded = before === 'exclude';
    }
    if (listed && negation === undefined && last!.negation === 'exclude') negation = 'exclude';
    if (listed && negation === 'exclude' && last!.negation === undefined) {
      if (finding.wanted === last!.name) delete finding.wanted;
      exclude(last!.name);
    }
    // A comma alone does not carry the negation ("not Lapta, Girne" may want Girne), but a
    // list closed by "and"/"or" does: every place between its commas is left out too.
    if (listed && listExcluded && negation === undefined) negation = 'exclude';
    if (listed && listExcluded) {
      for (const name of list) {
        if (finding.wanted === name) delete finding.wanted;
        exclude(name);
      }
    }
    const name = hit.town.name;
    if (negation === undefined && landmarkTowns.has(hit.town)) near ??= name;
    else if (negation === undefined && finding.wanted === undefined) finding.wanted = name;
    else if (negation === undefined) {
      // The first place wins; one offered as a choice with it is named in the reply.
      const choice = offered(terms, i) && name !== finding.wanted;
      if (choice && !finding.alternatives.includes(name)) finding.alternatives.push(name);
    } else if (negation === 'exclude') exclude(name);
    else finding.unwanted ??= name;
    list.push(name);
    last = { name, end: hit.end, negation };
    i = hit.end - 1;
  }
  if (near !== undefined) finding.wanted ??= near;
  return finding;
}

/** "Alsancak or Lapta", "Girne ya da Lapta", "в Искеле или Фамагусте": a choice of places. */
function offered(terms: Scan['terms'], i: number): boolean {
  const before = terms[i - 1]?.text;
  const previous = terms[i - 2]?.text;
  if (before === 'da' && previous === 'ya') return true;
  if (LOCATION_FILLERS.has(before ?? '')) return CHOICE_WORDS.has(previous ?? '');
  return CHOICE_WORDS.has(before ?? '');
}

/** Words that join places into a list; not a comma: "Girne, Lapta hariç" is Girne but not Lapta. */
const PLACE_LIST = new Set(['and', 'or', 've', 'veya', 'ile', 'ya', 'и', 'или', '/']);

function exactAt(scan: Scan, start: number): { town: Town; end: number } | undefined {
  // Longest name first so "long beach" wins over nothing and "esentepe village" over "esentepe".
  const longest = firstWords.has(scan.terms[start]!.text) ? longestName : 1;
  for (let n = longest; n >= 1; n--) {
    // A hyphen between the words of a name is a space: "Лонг-Бич", "Long-Beach".
    const words: string[] = [];
    let end = start;
    while (words.length < n) {
      const t = scan.terms[end];
      if (t === undefined || scan.used[end] || t.num !== undefined) break;
      end++;
      if (words.length > 0 && isJoiner(t.text)) continue;
      words.push(t.text);
    }
    if (words.length !== n) continue;
    const town = byName.get(words.join(' '));
    if (town !== undefined) return { town, end };
    if (n === 1) continue;
    // An ending on the last word of a longer name: "Long Beach'te", "Yeni Boğaziçi'nde",
    // "на Лонг-Биче".
    const prefix = `${words.slice(0, -1).join(' ')} `;
    const last = words[n - 1]!;
    const inflected = /^[a-z]+$/.test(last)
      ? withTurkishEnding(prefix, last)
      : byName.get(prefix + last.replace(RUSSIAN_ENDINGS, ''));
    if (inflected !== undefined) return { town: inflected, end };
  }
  return undefined;
}

/** The town `prefix + word` names once a Turkish case ending is taken off `word`. */
function withTurkishEnding(prefix: string, word: string): Town | undefined {
  for (const ending of TURKISH_ENDINGS) {
    if (!word.endsWith(ending) || word.length - ending.length < 3) continue;
    const town = byName.get(prefix + word.slice(0, -ending.length));
    if (town !== undefined) return town;
  }
  return undefined;
}

/**
 * Turkish case endings on a town ("Girne'de", "Lefkoşa'dan", "Güzelyurt'ta", typed
 * with or without the apostrophe) and Russian ones ("в Кирении", "в Фамагусте").
 */
const TURKISH_ENDINGS = TURKISH_CASE_ENDINGS;
const RUSSIAN_ENDINGS = /(?:ией|ии|ию|ия|ой|ей|ом|ем|е|а|я|у|ю|ы|и|о)$/;

/** Single-word Cyrillic names by stem: "кирени" for Кирения, Кирении, Киренией. */
const byRussianStem = new Map<string, Town>();
const russianTownStems = new Set<string>();
for (const [name, town] of byName) {
  if (!/^[а-я]+$/.test(name)) continue;
  const stem = name.replace(RUSSIAN_ENDINGS, '');
  if (!byRussianStem.has(stem)) byRussianStem.set(stem, town);
  if (townNamesOnly.has(name)) russianTownStems.add(stem);
}

function inflectedAt(scan: Scan, start: number): { town: Town; end: number } | undefined {
  const word = scan.terms[start]!.text;
  if (word.length < 5) return undefined;
  if (/^[а-я]+$/.test(word)) {
    const town = byRussianStem.get(word.replace(RUSSIAN_ENDINGS, ''));
    return town === undefined ? undefined : { town, end: start + 1 };
  }
  const town = withTurkishEnding('', word);
  return town === undefined ? undefined : { town, end: start + 1 };
}

function fuzzyAt(
  scan: Scan,
  start: number,
  knownWords: ReadonlySet<string>,
): { town: Town; end: number } | undefined {
  const word = scan.terms[start]!.text;
  if (word.length < 5 || knownWords.has(word)) return undefined;
  if (/^[а-я]+$/.test(word)) {
    // Russian spellings drift too ("Искелле", "Белапаис", "Алсанчак" for Алсанджак):
    // compare stems, so the case ending is not counted as a typo.
    const stem = word.replace(RUSSIAN_ENDINGS, '');
    if (stem.length < 5) return undefined;
    const max = stem.length >= 8 ? 2 : 1;
    return nearest(fuzzyRussianStems, stem, max, start);
  }
  if (!/^[a-z]+$/.test(word)) return undefined;
  const max = word.length >= 8 ? 2 : 1;
  const hit = nearest(fuzzyNames, word, max, start);
  if (hit !== undefined) return hit;
  // A misspelt name with a Turkish ending ("magosada", "lefkoseden"): the stem, one edit off.
  for (const ending of TURKISH_PLACE_ENDINGS) {
    const stem = word.slice(0, -ending.length);
    if (!word.endsWith(ending) || stem.length < 5 || knownWords.has(stem)) continue;
    const inflected = nearest(fuzzyNames, stem, 1, start);
    if (inflected !== undefined) return inflected;
  }
  return undefined;
}

/** Russian stems worth a typo match, by the same lengths as the Latin names. */
const fuzzyRussianStems = byLength(
  [...byRussianStem.entries()].filter(
    ([stem]) => stem.length >= 7 || (stem.length >= 5 && russianTownStems.has(stem)),
  ),
);

/**
 * Names grouped by length, each with the set of its letters: a word is compared only with
 * names at most `max` letters longer or shorter, and only when their letter sets differ
 * by no more than one edit can change (two letters per edit). The villages table can grow
 * without every word paying a full comparison with each name.
 */
type Candidate = readonly [name: string, town: Town, letters: number];
type ByLength = ReadonlyMap<number, readonly Candidate[]>;

function byLength(entries: ReadonlyArray<readonly [string, Town]>): ByLength {
  const map = new Map<number, Candidate[]>();
  for (const [name, town] of entries) {
    const list = map.get(name.length) ?? [];
    list.push([name, town, letterSet(name)]);
    map.set(name.length, list);
  }
  return map;
}

/** One bit per letter (Latin a-z or Cyrillic а-я; both fit 32 bits). */
function letterSet(word: string): number {
  let set = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    const bit = code >= 0x430 ? code - 0x430 : code - 97;
    if (bit >= 0 && bit < 32) set |= 1 << bit;
  }
  return set;
}

function bitCount(n: number): number {
  let count = 0;
  for (let v = n >>> 0; v !== 0; v &= v - 1) count++;
  return count;
}

function nearest(
  names: ByLength,
  word: string,
  max: number,
  start: number,
): { town: Town; end: number } | undefined {
  const letters = letterSet(word);
  for (let length = word.length - max; length <= word.length + max; length++) {
    for (const [name, town, nameLetters] of names.get(length) ?? []) {
      if (bitCount(letters ^ nameLetters) > 2 * max) continue;
      if (withinDistance(word, name, max)) return { town, end: start + 1 };
    }
  }
  return undefined;
}

/**
 * "not in Girne" excludes the place; "instead of Girne" / "rather than Girne" only
 * replaces it. Undefined when the place is wanted.
 */
function negatedPlace(scan: Scan, start: number): 'exclude' | 'replace' | undefined {
  for (let i = start - 1; i >= 0 && i >= start - 4; i--) {
    const text = scan.terms[i]!.text;
    if (REPLACING.has(text)) return 'replace';
    if (LOCATION_NEGATORS.has(text)) return 'exclude';
    if (WISH_WORDS.has(text) && WISH_NEGATORS.has(scan.terms[i - 1]?.text ?? '')) return 'exclude';
    if (text === 'but' && ANY_PLACE.has(scan.terms[i - 1]?.text ?? '')) return 'exclude';
    if (!LOCATION_FILLERS.has(text)) return undefined;
  }
  return undefined;
}
// Turkish "yerine" follows the place it replaces (REPLACING_AFTER), so a place after it is wanted.
const REPLACING = new Set(['instead', 'rather', 'other', 'than', 'вместо']);

/** The canonical name for any spelling the alias table knows, else undefined. */
export function canonicalTown(name: string): string | undefined {
  return byName.get(foldText(name))?.name;
}
