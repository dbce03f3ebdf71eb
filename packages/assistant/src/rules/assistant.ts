import type { AssistantReply, ListingPage, ListingSort, SearchFacts } from '@parley/validators';
import { speakLines } from '../collect';
import { summarise } from '../describe';
import { mergeFacts, normaliseFacts } from '../memory';
import type { Assistant, AssistantInput, AssistantOutcome } from '../types';
import { saysNothing, understand } from '../understand';
import { relaxations } from './relax';
import {
  greetingLines,
  nothingLines,
  relaxedLines,
  resetLines,
  resultsLines,
  thanksLines,
} from './replies';

/** How many listings a reply recommends. */
export const RECOMMENDATION_LIMIT = 5;

/**
 * The default agent: reads the message with word tables, merges it into the session
 * memory, searches, and writes the reply. No network, no model; every branch ends in
 * an AssistantReply. Errors from `searchListings` are not hidden: they reject the reply.
 */
export function createRulesAssistant(): Assistant {
  return { name: 'rules', reply: replyWithRules };
}

async function* replyWithRules(
  input: AssistantInput,
): AsyncGenerator<string, AssistantOutcome, void> {
  const understood = understand(input.message);
  const remembered = normaliseFacts(input.memory);
  const finish = (
    responseText: string,
    memoryFacts: SearchFacts,
    applied: SearchFacts,
    page?: ListingPage,
  ) => outcome(input, responseText, memoryFacts, applied, page);

  if (understood.smallTalk !== undefined) {
    const lines = understood.smallTalk === 'thanks' ? thanksLines() : greetingLines(remembered);
    return finish(yield* speakLines(lines), remembered, remembered);
  }

  const { facts, droppedStaleBudget } = mergeFacts(remembered, understood);
  if (understood.reset && Object.keys(facts).length === 0) {
    return finish(yield* speakLines(resetLines()), facts, facts);
  }

  const notes: string[] = [];
  if (droppedStaleBudget)
    notes.push('I dropped your earlier budget, since prices work differently for that.');
  if (saysNothing(understood) && Object.keys(facts).length > 0) {
    notes.push(
      `I didn't catch anything new there, so here is what matches what you asked for so far.`,
    );
  }

  const byPrice = understood.cheap || facts.minPrice !== undefined || facts.maxPrice !== undefined;
  const sort: ListingSort = byPrice ? 'price_asc' : 'relevance';
  const page = await search(input, facts, sort);
  if (page.items.length > 0) {
    const lines = resultsLines({ facts, items: page.items, total: page.total, byPrice, notes });
    return finish(yield* speakLines(lines), facts, facts, page);
  }

  // No match: offer the first single relaxation that finds something, labelled as such.
  // appliedFilters then says what the recommendations satisfy; memory keeps the request.
  if (Object.keys(facts).length > 0) {
    for (const step of relaxations(facts)) {
      const relaxedSort: ListingSort =
        step.facts.minPrice === undefined && step.facts.maxPrice === undefined && !byPrice
          ? 'relevance'
          : 'price_asc';
      const relaxedPage = await search(input, step.facts, relaxedSort);
      if (relaxedPage.items.length === 0) continue;
      const lines = relaxedLines(facts, step, relaxedPage.items, relaxedPage.total, notes);
      return finish(yield* speakLines(lines), facts, step.facts, relaxedPage);
    }
  }
  return finish(yield* speakLines(nothingLines(facts, notes)), facts, facts);
}

function search(
  input: AssistantInput,
  facts: SearchFacts,
  sort: ListingSort,
): Promise<ListingPage> {
  input.signal?.throwIfAborted();
  return input.searchListings({ ...facts, sort, limit: RECOMMENDATION_LIMIT });
}

function outcome(
  input: AssistantInput,
  responseText: string,
  memoryFacts: SearchFacts,
  appliedFilters: SearchFacts,
  page: ListingPage | undefined,
): AssistantOutcome {
  const reply: AssistantReply = {
    responseText,
    agent: 'rules',
    conversationId: input.conversationId,
    recommendations: page?.items.slice(0, RECOMMENDATION_LIMIT) ?? [],
    appliedFilters,
  };
  return { reply, memory: { summary: summarise(memoryFacts), facts: memoryFacts } };
}
