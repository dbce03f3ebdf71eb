import type { Language, SearchFacts } from '@parley/validators';
import { intentLabel } from '../src/intent';
import { interpret } from '../src/interpret';
import type { EvalCase } from './types';

/** The fields scored one by one; a case is exact when every one (and the language) is right. */
export const FIELDS = [
  'location',
  'excludeLocations',
  'rentType',
  'propertyType',
  'bedrooms',
  'price',
  'features',
  'intent',
  'language',
] as const;
export type Field = (typeof FIELDS)[number];

export interface CaseResult {
  message: string;
  exact: boolean;
  wrong: Field[];
  got: { facts: SearchFacts; intent: string; language: Language };
}

function pick(facts: SearchFacts, field: Field): unknown {
  switch (field) {
    case 'bedrooms':
      return [facts.minBedrooms, facts.maxBedrooms];
    case 'price':
      return [facts.minPrice, facts.maxPrice];
    // Lists compare as sets: "pool and gym" and "gym and pool" mean the same.
    case 'excludeLocations':
    case 'features':
      return facts[field] ? [...facts[field]].sort() : undefined;
    case 'location':
    case 'rentType':
    case 'propertyType':
      return facts[field];
    default:
      return undefined;
  }
}

export function scoreCase(c: EvalCase, language: Language): CaseResult {
  const read = interpret(c.message, c.memory ?? {});
  const got = { facts: read.facts, intent: intentLabel(read.intent), language: read.language };
  const wrong = FIELDS.filter((field) => {
    if (field === 'intent') return got.intent !== c.intent;
    if (field === 'language') return got.language !== language;
    return JSON.stringify(pick(got.facts, field)) !== JSON.stringify(pick(c.facts, field));
  });
  return { message: c.message, exact: wrong.length === 0, wrong, got };
}

export interface LanguageScore {
  language: Language;
  cases: number;
  exact: number;
  perField: Record<Field, number>;
  misses: CaseResult[];
}

export function scoreSet(language: Language, cases: readonly EvalCase[]): LanguageScore {
  const results = cases.map((c) => scoreCase(c, language));
  const perField = Object.fromEntries(
    FIELDS.map((f) => [f, results.filter((r) => !r.wrong.includes(f)).length / results.length]),
  ) as Record<Field, number>;
  return {
    language,
    cases: results.length,
    exact: results.filter((r) => r.exact).length / results.length,
    perField,
    misses: results.filter((r) => !r.exact),
  };
}
