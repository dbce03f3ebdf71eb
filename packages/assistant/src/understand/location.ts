import { foldText, type Town, townNames } from '@parley/validators';
import { withinDistance } from './edit-distance';
import { claim, type Scan } from './scan';

/**
 * Finds the place a message names, using the shared alias table from validators so
 * the assistant and the search filter agree on what "magusa" means.
 */

const byName = new Map<string, Town>(townNames());
const longestName = Math.max(...[...byName.keys()].map((name) => name.split(' ').length));

/** Single-word names long enough to be worth a typo match. */
const fuzzyNames = [...byName.entries()].filter(
  ([name]) => !name.includes(' ') && name.length >= 5,
);

/** Words that come right before a place someone does NOT want. */
const LOCATION_NEGATORS = new Set([
  'not',
  'no',
  'except',
  'instead',
  'rather',
  'other',
  'than',
  'outside',
]);
const LOCATION_FILLERS = new Set(['in', 'of', 'the', 'near', 'around', 'at']);

export interface LocationFinding {
  /** Canonical town name (what listings store), e.g. "Girne" for "kyrenia". */
  wanted?: string;
  /** A place named with "not"/"instead of": dropped if it is the remembered one. */
  unwanted?: string;
}

export function findLocation(scan: Scan, knownWords: ReadonlySet<string>): LocationFinding {
  const finding: LocationFinding = {};
  const { terms, used } = scan;
  for (let i = 0; i < terms.length; i++) {
    if (used[i]) continue;
    const hit = exactAt(scan, i) ?? fuzzyAt(scan, i, knownWords);
    if (hit === undefined) continue;
    claim(scan, i, hit.end);
    if (negatedPlace(scan, i)) finding.unwanted ??= hit.town.name;
    else finding.wanted ??= hit.town.name;
    i = hit.end - 1;
  }
  return finding;
}

function exactAt(scan: Scan, start: number): { town: Town; end: number } | undefined {
  // Longest name first so "long beach" wins over nothing and "esentepe village" over "esentepe".
  for (let n = Math.min(longestName, scan.terms.length - start); n >= 1; n--) {
    const words: string[] = [];
    for (let k = 0; k < n; k++) {
      const t = scan.terms[start + k]!;
      if (scan.used[start + k] || t.num !== undefined) break;
      words.push(t.text);
    }
    if (words.length !== n) continue;
    const town = byName.get(words.join(' '));
    if (town !== undefined) return { town, end: start + n };
  }
  return undefined;
}

function fuzzyAt(
  scan: Scan,
  start: number,
  knownWords: ReadonlySet<string>,
): { town: Town; end: number } | undefined {
  const word = scan.terms[start]!.text;
  if (word.length < 5 || knownWords.has(word) || !/^[a-z]+$/.test(word)) return undefined;
  const max = word.length >= 8 ? 2 : 1;
  for (const [name, town] of fuzzyNames) {
    if (withinDistance(word, name, max)) return { town, end: start + 1 };
  }
  return undefined;
}

function negatedPlace(scan: Scan, start: number): boolean {
  for (let i = start - 1; i >= 0 && i >= start - 3; i--) {
    const text = scan.terms[i]!.text;
    if (LOCATION_NEGATORS.has(text)) return true;
    if (!LOCATION_FILLERS.has(text)) return false;
  }
  return false;
}

/** The canonical name for any spelling the alias table knows, else undefined. */
export function canonicalTown(name: string): string | undefined {
  return byName.get(foldText(name))?.name;
}
