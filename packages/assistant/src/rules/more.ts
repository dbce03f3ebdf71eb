import {
  LANGUAGES,
  type ListingPage,
  type ListingSort,
  type SearchFacts,
} from '@parley/validators';
import { textsFor } from '../text';
import type { AssistantInput, ChatTurn } from '../types';
import { oneKind } from './one-kind';
import { relaxations } from './relax';

/**
 * "show more": the same search again, past the listings the last list showed. The memory
 * holds no cursor, so the list is found again by repeating the search wider, and the
 * listings it numbered must come back in the same places: in the order it was listed (by
 * relevance, or by price after "sort by price"), whichever repeats it. A list that changed
 * since (listings added or gone, or another search) is not paged through: 'changed' tells
 * the caller to list from the start and say why, rather than restart the numbering
 * silently. Undefined when no earlier reply listed anything.
 */
export async function nextPage(
  facts: SearchFacts,
  history: readonly ChatTurn[],
  sorts: readonly ListingSort[],
  pageSize: number,
  searchListings: AssistantInput['searchListings'],
): Promise<{ facts: SearchFacts; page: ListingPage; after: number } | 'changed' | undefined> {
  const list = history.findLast(
    (turn) => turn.role === 'assistant' && /^\d+\. /m.test(turn.content),
  );
  if (list === undefined) return undefined;
  const numbers = [...list.content.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
  const from = Math.min(...numbers);
  const after = Math.max(...numbers);
  for (const sort of new Set(sorts)) {
    const wide = (f: SearchFacts) => searchListings({ ...f, sort, limit: after + pageSize });
    // The list may have been a relaxed one ("If I ignore the budget, ..."): the first
    // search of the request or its relaxations that finds something, as the reply did.
    let searched = facts;
    let found = await wide(facts);
    for (const step of found.items.length > 0 ? [] : relaxations(facts)) {
      found = await wide(step.facts);
      searched = step.facts;
      if (found.items.length > 0) break;
    }
    const { facts: shown, page } = await oneKind(searched, found, wide, searchListings);
    const listed = page.items.slice(from - 1, after);
    const same =
      listed.length === after - from + 1 &&
      listed.every((listing, i) =>
        LANGUAGES.some((language) =>
          list.content.includes(`${from + i}. ${textsFor(language).listing(listing)}`),
        ),
      );
    if (same) return { facts: shown, page: { ...page, items: page.items.slice(after) }, after };
  }
  return 'changed';
}
