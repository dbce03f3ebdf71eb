import { type AssistantReply, type SearchFacts, searchFacts } from '@parley/validators';
import { expect } from 'vitest';
import {
  type Assistant,
  type AssistantInput,
  type AssistantOutcome,
  collectReply,
  matchesFacts,
} from '../src';

export const CONVERSATION_ID = '0190f5c8-0000-7000-8000-000000000001';

/** Runs one turn, collecting the streamed pieces next to the outcome. */
export async function ask(
  assistant: Assistant,
  message: string,
  input: Partial<AssistantInput> & Pick<AssistantInput, 'searchListings'>,
): Promise<AssistantOutcome & { pieces: string[] }> {
  const pieces: string[] = [];
  const outcome = await collectReply(
    assistant.reply({
      message,
      conversationId: CONVERSATION_ID,
      memory: {},
      history: [],
      ...input,
    }),
    (piece) => {
      pieces.push(piece);
    },
  );
  return { ...outcome, pieces };
}

/** What every reply must be, whatever branch produced it. */
export function expectWellFormed(reply: AssistantReply, pieces: string[]): void {
  expect(reply.responseText.trim().length).toBeGreaterThan(0);
  expect(pieces.join('')).toBe(reply.responseText);
  expect(reply.conversationId).toBe(CONVERSATION_ID);
  expect(searchFacts.parse(reply.appliedFilters)).toEqual(reply.appliedFilters);
  expect(reply.recommendations.length).toBeLessThanOrEqual(5);
  for (const listing of reply.recommendations) {
    expect(
      matchesFacts(listing, reply.appliedFilters),
      `${listing.title} vs ${JSON.stringify(reply.appliedFilters)}`,
    ).toBe(true);
  }
}

export function hasBudget(facts: SearchFacts): boolean {
  return facts.minPrice !== undefined || facts.maxPrice !== undefined;
}
