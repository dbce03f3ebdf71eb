import { FEATURES, type Feature, type SearchFacts } from '@parley/validators';
import { findBedrooms } from './bedrooms';
import { findBudget } from './budget';
import {
  COMMAND_WORDS,
  type FactGroup,
  findDrops,
  findReset,
  findSmallTalk,
  SMALL_TALK_WORDS,
  type SmallTalk,
} from './commands';
import { findFeatures, findPropertyType, findRentType, KEYWORD_WORDS } from './keywords';
import { findLocation } from './location';
import { createScan } from './scan';
import { tokenize } from './tokens';

export type { FactGroup, SmallTalk };

/** What one message says, before it is merged into the session's memory. */
export interface Understanding {
  /** Facts stated in this message (a stated group replaces the remembered one). */
  facts: SearchFacts;
  /** Groups the person dropped: "forget the budget", "anywhere". */
  drops: FactGroup[];
  /** Features waved away: "no pool", "unfurnished". */
  removedFeatures: Feature[];
  /** A place named with "not"/"instead of". */
  unwantedLocation?: string;
  /** "start over": forget everything before applying this message. */
  reset: boolean;
  /** Set only when the message carries nothing else. */
  smallTalk?: SmallTalk;
  /** "cheapest", "cheap", "affordable": list by price. */
  cheap: boolean;
}

/** Common words that are a single typo away from nothing we know, but look long enough to try. */
const EVERYDAY_WORDS = [
  'about',
  'looking',
  'would',
  'could',
  'should',
  'please',
  'there',
  'their',
  'where',
  'which',
  'something',
  'place',
  'places',
  'somewhere',
  'north',
  'cyprus',
  'northern',
  'property',
  'properties',
  'family',
  'close',
  'near',
  'nearby',
  'centre',
  'center',
  'town',
  'village',
  'quiet',
  'modern',
  'large',
  'small',
  'cheap',
  'cheapest',
  'affordable',
  'budget',
  'bedroom',
  'bedrooms',
  'under',
  'below',
  'between',
  'maximum',
  'minimum',
  'around',
  'people',
  'thanks',
  'hello',
  'what',
  'about',
  'instead',
  'rather',
  'other',
  'lapse',
  'laptop',
  'girls',
  'gone',
  'magic',
  'marina',
  'harbour',
  'harbor',
  'castle',
  'mountain',
  'mountains',
  'university',
  'school',
  'schools',
  'shops',
  'restaurants',
  'airport',
  'ercan',
  'students',
  'student',
  'retired',
  'couple',
  'available',
  'immediately',
  'today',
  'tomorrow',
  'summer',
  'winter',
];

const KNOWN_WORDS: ReadonlySet<string> = new Set([
  ...KEYWORD_WORDS,
  ...COMMAND_WORDS,
  ...SMALL_TALK_WORDS,
  ...EVERYDAY_WORDS,
]);

const CHEAP_WORDS = new Set([
  'cheap',
  'cheapest',
  'cheaper',
  'affordable',
  'inexpensive',
  'lowest',
]);

/** Reads one message. Pure and fast: no I/O, linear in the message length. */
export function understand(message: string): Understanding {
  const scan = createScan(tokenize(message));
  // Order matters: places and bedroom counts claim their words before the number and
  // keyword parsers see them ("long beach" is a place, "3 bed" is not a price).
  const location = findLocation(scan, KNOWN_WORDS);
  const bedrooms = findBedrooms(scan);
  const budget = findBudget(scan);
  const drops = findDrops(scan);
  const reset = findReset(scan, drops.size > 0);
  const rentType = findRentType(scan, budget?.period);
  const propertyType = findPropertyType(scan);
  const features = findFeatures(scan);

  const facts: SearchFacts = {};
  if (location.wanted !== undefined) facts.location = location.wanted;
  if (rentType !== undefined) facts.rentType = rentType;
  if (propertyType !== undefined) facts.propertyType = propertyType;
  if (bedrooms?.min !== undefined) facts.minBedrooms = bedrooms.min;
  if (bedrooms?.max !== undefined) facts.maxBedrooms = bedrooms.max;
  if (budget?.min !== undefined) facts.minPrice = budget.min;
  if (budget?.max !== undefined) facts.maxPrice = budget.max;
  if (features.wanted.length > 0) facts.features = sortFeatures(features.wanted);

  const understood: Understanding = {
    facts,
    drops: [...drops],
    removedFeatures: sortFeatures(features.unwanted),
    reset,
    cheap: scan.terms.some((t) => CHEAP_WORDS.has(t.text)),
  };
  if (location.unwanted !== undefined) understood.unwantedLocation = location.unwanted;
  if (saysNothing(understood)) {
    const smallTalk = findSmallTalk(scan);
    if (smallTalk !== undefined) understood.smallTalk = smallTalk;
  }
  return understood;
}

/** Features in the order validators lists them, so equal sets compare equal. */
export function sortFeatures(features: readonly Feature[]): Feature[] {
  return FEATURES.filter((f) => features.includes(f));
}

/** True when the message neither states, drops nor resets anything. */
export function saysNothing(u: Understanding): boolean {
  return (
    Object.keys(u.facts).length === 0 &&
    u.drops.length === 0 &&
    u.removedFeatures.length === 0 &&
    u.unwantedLocation === undefined &&
    !u.reset
  );
}
