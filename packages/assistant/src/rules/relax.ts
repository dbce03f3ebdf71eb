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
}

/**
 * `keepBudget`: the budget is the point of the request ("cheaper" than what was shown),
 * so neither it nor the step that drops everything but the rent type is offered.
 */
export function relaxations(
  facts: SearchFacts,
  options: { keepBudget?: boolean } = {},
): Relaxation[] {
  const steps: Relaxation[] = [];
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
      const same = (step: Relaxation) => JSON.stringify(step.facts) === JSON.stringify(kept);
      if (!steps.some(same)) steps.push({ facts: kept, loosened: { kind: 'keepOnly', kept } });
    }
  }
  if (steps.length > 1 && !options.keepBudget) {
    const kept: SearchFacts = facts.rentType === undefined ? {} : { rentType: facts.rentType };
    steps.push({ facts: kept, loosened: { kind: 'all', keepRent: facts.rentType !== undefined } });
  }
  return steps;
}
