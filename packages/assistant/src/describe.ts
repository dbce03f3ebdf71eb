import type { SearchFacts } from '@parley/validators';
import { en } from './text/en';

/**
 * "apartments to rent long-term in Girne (Kyrenia), 2 bedrooms, up to £1,000 a month,
 * with a pool". Empty facts read as "listings". English: memory summaries are for staff.
 */
export function describeSearch(facts: SearchFacts): string {
  return en.search(facts);
}

/** The one-line memory summary shown with a session. */
export function summarise(facts: SearchFacts): string {
  return Object.keys(facts).length === 0
    ? 'No preferences yet.'
    : `Looking for ${describeSearch(facts)}.`;
}
