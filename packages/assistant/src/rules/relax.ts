import { findTown, type SearchFacts } from '@parley/validators';
import { FEATURE_LABEL, listWords } from '../describe';

/**
 * When nothing matches: filters to loosen, one at a time, in the order people mind
 * least — features, budget, bedrooms, property type, then place (its district first,
 * then anywhere) — and last everything but the rent type. The first that finds
 * listings is what the reply offers.
 */
export interface Relaxation {
  facts: SearchFacts;
  /** What was loosened, to finish "If I ...": "ignore the budget". */
  change: string;
  /** What to say to keep it that way: "forget the budget". */
  command: string;
}

export function relaxations(facts: SearchFacts): Relaxation[] {
  const steps: Relaxation[] = [];
  const without = (...keys: (keyof SearchFacts)[]): SearchFacts => {
    const copy = { ...facts };
    for (const key of keys) delete copy[key];
    return copy;
  };

  if (facts.q !== undefined) {
    steps.push({
      facts: without('q'),
      change: `drop the words "${facts.q}"`,
      command: 'start over',
    });
  }
  if (facts.features !== undefined && facts.features.length > 0) {
    const names = facts.features.map((f) => FEATURE_LABEL[f]);
    steps.push({
      facts: without('features'),
      change: `drop the ${listWords(names)} ${names.length === 1 ? 'requirement' : 'requirements'}`,
      command: 'forget the features',
    });
  }
  if (facts.minPrice !== undefined || facts.maxPrice !== undefined) {
    steps.push({
      facts: without('minPrice', 'maxPrice'),
      change: 'ignore the budget',
      command: 'forget the budget',
    });
  }
  if (facts.minBedrooms !== undefined || facts.maxBedrooms !== undefined) {
    steps.push({
      facts: without('minBedrooms', 'maxBedrooms'),
      change: 'ignore the number of bedrooms',
      command: 'any number of bedrooms',
    });
  }
  if (facts.propertyType !== undefined) {
    steps.push({
      facts: without('propertyType'),
      change: 'include other property types',
      command: 'any type',
    });
  }
  if (facts.location !== undefined) {
    const town = findTown(facts.location);
    if (town !== undefined && town.district !== town.name) {
      steps.push({
        facts: { ...facts, location: town.district },
        change: `widen the search to the whole ${town.district} district`,
        command: town.district,
      });
    }
    steps.push({ facts: without('location'), change: 'search every area', command: 'anywhere' });
  }
  const kept: SearchFacts = facts.rentType === undefined ? {} : { rentType: facts.rentType };
  if (steps.length > 1) {
    steps.push({
      facts: kept,
      change: facts.rentType === undefined ? 'drop every filter' : 'keep only the rent type',
      command: 'start over',
    });
  }
  return steps;
}
