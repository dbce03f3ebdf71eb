import {
  LANGUAGES,
  type ListingPage,
  type ListingSort,
  type SearchFacts,
} from '@parley/validators';
import type { Interpretation } from '../interpret';
import { type Texts, textsFor } from '../text';
import type { ChatTurn } from '../types';
import { shownAgain } from './cheaper';

/**
 * "does the first one have parking?": answered from the listing itself, never by turning
 * the feature into a filter. The listing is found again by repeating the last search (as
 * "cheaper" does) and must be the one the last list numbered so: a list that changed since
 * is not guessed at, the reply says so and offers an agent.
 */
export async function answerAboutShown(
  t: Texts,
  read: Interpretation,
  history: readonly ChatTurn[],
  search: (facts: SearchFacts, sort: ListingSort) => Promise<ListingPage>,
): Promise<string[]> {
  const list = history.findLast((turn) => turn.role === 'assistant' && /^1\. /m.test(turn.content));
  if (list === undefined) return t.answer('listing');
  const shown = await shownAgain(read.before, search);
  const position = read.understood.shownListing ?? 0;
  const index = position < 0 ? shown.length + position : position;
  const listing = shown[index];
  const numbered = (language: (typeof LANGUAGES)[number]) =>
    `${index + 1}. ${textsFor(language).listing(listing!)}`;
  if (listing === undefined || !LANGUAGES.some((l) => list.content.includes(numbered(l))))
    return t.answer('listing');
  const u = read.understood;
  const asked = [
    ...new Set([...(u.facts.features ?? []), ...u.removedFeatures, ...u.refusedFeatures]),
  ];
  if (asked.length === 0) return t.shownDetails(index + 1, listing);
  return t.shownHas(
    index + 1,
    listing,
    asked.filter((f) => listing.features.includes(f)),
    asked.filter((f) => !listing.features.includes(f)),
  );
}
