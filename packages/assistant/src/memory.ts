import { type SearchFacts, townsMatching } from '@parley/validators';
import { type FactGroup, sortFeatures, type Understanding } from './understand';
import { canonicalTown } from './understand/location';

/**
 * Merging one message into the session's memory. A group the message states replaces
 * the remembered one ("what about Famagusta?", "under 800 then"); features add up;
 * drops and "start over" remove. Memory holds only what the person asked for.
 */

export interface MergeResult {
  facts: SearchFacts;
  /** Set when a change of rent type made the old budget meaningless, so it was dropped. */
  droppedStaleBudget: boolean;
  /**
   * Set when the message started a new search: the old home's features and bedroom
   * count that were not carried over (only those that were there).
   */
  leftBehind?: Pick<SearchFacts, 'features' | 'minBedrooms' | 'maxBedrooms'>;
}

const GROUP_FIELDS: Record<FactGroup, (keyof SearchFacts)[]> = {
  price: ['minPrice', 'maxPrice'],
  location: ['location', 'excludeLocations'],
  bedrooms: ['minBedrooms', 'maxBedrooms'],
  propertyType: ['propertyType'],
  features: ['features'],
  rentType: ['rentType'],
};

/** Whether `place` is one of `areas` or a town of one of them. */
function within(place: string, areas: readonly string[]): boolean {
  return areas.some((area) => area === place || townsMatching(area).includes(place));
}

/**
 * `rereadBudget`: the last reply said how it read the remembered budget ("I took £100 as
 * a nightly rate; say "per month" if you meant otherwise") and this message names the
 * other period, so the same amount is kept in the new period rather than dropped.
 */
export function mergeFacts(
  memory: SearchFacts,
  u: Understanding,
  options: { rereadBudget?: boolean } = {},
): MergeResult {
  const facts: SearchFacts = u.reset ? {} : normaliseFacts(memory);
  for (const group of u.drops) dropGroup(facts, group);
  if (u.unwantedLocation !== undefined && facts.location === u.unwantedLocation)
    delete facts.location;
  if (u.excludedLocations.length > 0) {
    facts.excludeLocations = [...(facts.excludeLocations ?? []), ...u.excludedLocations];
    // "not Girne" after Lapta: the later word wins, and Lapta is in Girne.
    if (facts.location !== undefined && within(facts.location, u.excludedLocations))
      delete facts.location;
  }

  const said = u.facts;
  const leftBehind = startsNewSearch(facts, said) ? leaveBehind(facts, said) : undefined;
  const statesPrice = said.minPrice !== undefined || said.maxPrice !== undefined;
  // Monthly rents, nightly rates and sale prices differ by orders of magnitude, so a new
  // rent type drops the budget, unless it corrects how the last reply read it.
  const rereadsBudget =
    options.rereadBudget === true && (u.period === 'month' || u.period === 'night');
  const droppedStaleBudget =
    !rereadsBudget &&
    said.rentType !== undefined &&
    facts.rentType !== undefined &&
    said.rentType !== facts.rentType &&
    !statesPrice &&
    (facts.minPrice !== undefined || facts.maxPrice !== undefined);
  if (droppedStaleBudget) dropGroup(facts, 'price');

  if (statesPrice) dropGroup(facts, 'price');
  if (said.minBedrooms !== undefined || said.maxBedrooms !== undefined)
    dropGroup(facts, 'bedrooms');
  const { features, ...rest } = said;
  Object.assign(facts, rest);
  // A place asked for now is never left out by a place around it: "not in Girne town,
  // maybe Lapta" wants Lapta, which an exclusion of the Girne district would hide.
  if (said.location !== undefined && facts.excludeLocations !== undefined) {
    const kept = facts.excludeLocations.filter((place) => !within(said.location!, [place]));
    if (kept.length > 0) facts.excludeLocations = kept;
    else delete facts.excludeLocations;
  }
  const merged = new Set([...(facts.features ?? []), ...(features ?? [])]);
  for (const f of u.removedFeatures) merged.delete(f);
  if (merged.size > 0) facts.features = sortFeatures([...merged]);
  else delete facts.features;

  const result: MergeResult = { facts: normaliseFacts(facts), droppedStaleBudget };
  if (leftBehind !== undefined) result.leftBehind = leftBehind;
  return result;
}

/**
 * A message naming a different property type and also a different place or rent type
 * ("studio in Famagusta for holiday rent" after a villa with a pool to buy in Girne)
 * describes another home, not a change to this one. Two of the three things that frame a
 * search changed at once, so the details of the old home (its features and bedroom
 * count) no longer say anything about the new one and are not carried over. What frames
 * the search is kept as usual: a place or rent type not restated, places left out, and
 * the budget while its rent type holds (a new rent type drops it, as always). A change of
 * one of the three alone ("villas instead", "what about Famagusta?") is a refinement and
 * keeps everything else.
 */
function startsNewSearch(memory: SearchFacts, said: SearchFacts): boolean {
  const differs = <K extends 'propertyType' | 'rentType' | 'location'>(key: K) => {
    const before =
      key === 'location' && memory.location
        ? (canonicalTown(memory.location) ?? memory.location)
        : memory[key];
    const now =
      key === 'location' && said.location
        ? (canonicalTown(said.location) ?? said.location)
        : said[key];
    return before !== undefined && now !== undefined && before !== now;
  };
  return differs('propertyType') && (differs('location') || differs('rentType'));
}

/** Drops the old home's details the message did not restate, returning what was dropped. */
function leaveBehind(
  facts: SearchFacts,
  said: SearchFacts,
): NonNullable<MergeResult['leftBehind']> | undefined {
  const dropped: NonNullable<MergeResult['leftBehind']> = {};
  if (facts.features !== undefined && facts.features.length > 0) {
    const kept = new Set(said.features ?? []);
    const gone = facts.features.filter((f) => !kept.has(f));
    if (gone.length > 0) dropped.features = gone;
    delete facts.features;
  }
  const saysBedrooms = said.minBedrooms !== undefined || said.maxBedrooms !== undefined;
  if (!saysBedrooms && (facts.minBedrooms !== undefined || facts.maxBedrooms !== undefined)) {
    if (facts.minBedrooms !== undefined) dropped.minBedrooms = facts.minBedrooms;
    if (facts.maxBedrooms !== undefined) dropped.maxBedrooms = facts.maxBedrooms;
    dropGroup(facts, 'bedrooms');
  }
  return Object.keys(dropped).length > 0 ? dropped : undefined;
}

function dropGroup(facts: SearchFacts, group: FactGroup): void {
  for (const field of GROUP_FIELDS[group]) delete facts[field];
}

/**
 * A clean copy: canonical town name, sorted unique features, ranges the right way
 * round, no undefined or empty fields (memory is stored as JSON).
 */
export function normaliseFacts(input: SearchFacts): SearchFacts {
  const out: SearchFacts = {};
  if (input.q !== undefined && input.q.trim() !== '') out.q = input.q.trim();
  if (input.location !== undefined) out.location = canonicalTown(input.location) ?? input.location;
  // A place asked for is no longer left out ("not Girne" ... "ok, Girne then").
  const excluded = [
    ...new Set((input.excludeLocations ?? []).map((name) => canonicalTown(name) ?? name)),
  ].filter((name) => name !== out.location);
  if (excluded.length > 0) out.excludeLocations = excluded.slice(0, 20);
  if (input.rentType !== undefined) out.rentType = input.rentType;
  if (input.propertyType !== undefined) out.propertyType = input.propertyType;
  const [minB, maxB] = ordered(
    valid(input.minBedrooms, MAX_BEDROOMS, true),
    valid(input.maxBedrooms, MAX_BEDROOMS, true),
  );
  if (minB !== undefined) out.minBedrooms = minB;
  if (maxB !== undefined) out.maxBedrooms = maxB;
  const [minP, maxP] = ordered(
    valid(input.minPrice, MAX_PRICE, false),
    valid(input.maxPrice, MAX_PRICE, false),
  );
  if (minP !== undefined) out.minPrice = minP;
  if (maxP !== undefined) out.maxPrice = maxP;
  if (input.features !== undefined && input.features.length > 0)
    out.features = sortFeatures(input.features);
  return out;
}

// The limits of the searchFacts schema: a fact outside them is dropped, not clamped.
const MAX_BEDROOMS = 50;
const MAX_PRICE = 1_000_000_000;

function valid(n: number | undefined, max: number, integer: boolean): number | undefined {
  if (n === undefined || !Number.isFinite(n) || n < 0 || n > max) return undefined;
  return integer && !Number.isInteger(n) ? undefined : n;
}

function ordered(
  min: number | undefined,
  max: number | undefined,
): [number | undefined, number | undefined] {
  return min !== undefined && max !== undefined && min > max ? [max, min] : [min, max];
}
