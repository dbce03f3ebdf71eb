import { findTown, type SearchFacts } from '@parley/validators';
import type { Loosened } from '../text';

/**
 * When nothing matches: filters to loosen, one at a time, in the order people mind
 * least — features, budget, bedrooms, property type, then place (its district first,
 * then anywhere) — then only the kind of home (in the place, then anywhere), and last
 * everything but the rent type. The first that finds
 * listings is what the reply offers.
 */
export interface Relaxation {
  facts: SearchFacts;
  /** What was loosened, said in the reply's language. */
  loosened: Loosened;
  /** How many filters it loosens, so the reply says "that filter" or "those filters". */
  filters: number;
}

const hasBudget = (f: SearchFacts) => f.minPrice !== undefined || f.maxPrice !== undefined;
const hasBedrooms = (f: SearchFacts) => f.minBedrooms !== undefined || f.maxBedrooms !== undefined;

/**
 * The filters of `from` that `to` drops or widens: each feature is one (the reply names
 * each), a budget or a bedroom range is one, a place widened to its district is one.
 */
export function filtersLoosened(from: SearchFacts, to: SearchFacts): number {
  const kept = new Set(to.features ?? []);
  let n = (from.features ?? []).filter((f) => !kept.has(f)).length;
  if (from.q !== undefined && to.q !== from.q) n++;
  if (hasBudget(from) && !hasBudget(to)) n++;
  if (hasBedrooms(from) && !hasBedrooms(to)) n++;
  if (from.propertyType !== undefined && to.propertyType === undefined) n++;
  if (from.location !== undefined && to.location !== from.location) n++;
  if (from.excludeLocations?.length && !to.excludeLocations?.length) n++;
  if (from.rentType !== undefined && to.rentType === undefined) n++;
  return n;
}

/**
 * `keepBudget`: the budget is the point of the request ("cheaper" than what was shown),
 * so neither it nor the step that drops everything but the rent type is offered.
 */
export function relaxations(
  facts: SearchFacts,
  options: { keepBudget?: boolean } = {},
): Relaxation[] {
  const steps: Omit<Relaxation, 'filters'>[] = [];
  const without = (...keys: (keyof SearchFacts)[]): SearchFacts => {
    const copy = { ...facts };
    for (const key of keys) delete copy[key];
    return copy;
  };

  if (facts.q !== undefined)
    steps.push({ facts: without('q'), loosened: { kind: 'q', q: facts.q } });
  if (facts.features !== undefined && facts.features.length > 0) {
    steps.push({
      facts: without('features'),
      loosened: { kind: 'features', features: facts.features },
    });
  }
  if (!options.keepBudget && (facts.minPrice !== undefined || facts.maxPrice !== undefined))
    steps.push({ facts: without('minPrice', 'maxPrice'), loosened: { kind: 'budget' } });
  if (facts.minBedrooms !== undefined || facts.maxBedrooms !== undefined)
    steps.push({ facts: without('minBedrooms', 'maxBedrooms'), loosened: { kind: 'bedrooms' } });
  if (facts.propertyType !== undefined)
    steps.push({ facts: without('propertyType'), loosened: { kind: 'type' } });
  if (facts.location !== undefined) {
    const town = findTown(facts.location);
    if (town !== undefined && town.district !== town.name) {
      steps.push({
        facts: { ...facts, location: town.district },
        loosened: { kind: 'district', district: town.district },
      });
    }
    steps.push({ facts: without('location'), loosened: { kind: 'anywhere' } });
  }
  // Before giving up all but the rent type, the kind of home asked for (type and bedrooms)
  // in the place asked for, then anywhere: a 3-bedroom villa over budget helps more than
  // studios island-wide.
  if (facts.propertyType !== undefined && steps.length > 1 && !options.keepBudget) {
    const home: SearchFacts = {};
    for (const key of ['rentType', 'propertyType', 'minBedrooms', 'maxBedrooms'] as const)
      if (facts[key] !== undefined) Object.assign(home, { [key]: facts[key] });
    const inPlace = facts.location === undefined ? home : { ...home, location: facts.location };
    for (const kept of [inPlace, home]) {
      const same = (step: Omit<Relaxation, 'filters'>) =>
        JSON.stringify(step.facts) === JSON.stringify(kept);
      if (!steps.some(same)) steps.push({ facts: kept, loosened: { kind: 'keepOnly', kept } });
    }
  }
  if (steps.length > 1 && !options.keepBudget) {
    const kept: SearchFacts = facts.rentType === undefined ? {} : { rentType: facts.rentType };
    steps.push({ facts: kept, loosened: { kind: 'all', keepRent: facts.rentType !== undefined } });
  }
  return steps.map((step) => ({ ...step, filters: filtersLoosened(facts, step.facts) }));
}
