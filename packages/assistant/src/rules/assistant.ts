import type { AssistantReply, ListingPage, ListingSort, SearchFacts } from '@parley/validators';
import { summarise } from '../describe';
import { type Interpretation, interpret } from '../interpret';
import { textsFor } from '../text';
import type { Assistant, AssistantInput, AssistantOutcome } from '../types';
import { cheaperThan, lowestShown } from './cheaper';
import { relaxations } from './relax';
import { nextQuestion, noteLines, numbered } from './replies';

/** How many listings a reply recommends. */
export const RECOMMENDATION_LIMIT = 5;

/**
 * The default agent: reads the message with word tables in English, Turkish and
 * Russian, merges it into the conversation's memory, searches, and answers in the
 * message's language. No network, no model; every branch ends in an AssistantReply.
 * Errors from `searchListings` are not hidden, and an aborted signal stops the reply
 * between lines: both reject.
 */
export function createRulesAssistant(): Assistant {
  return { name: 'rules', reply: replyWithRules };
}

async function* replyWithRules(
  input: AssistantInput,
): AsyncGenerator<string, AssistantOutcome, void> {
  input.signal?.throwIfAborted();
  let read = interpret(input.message, input.memory, input.history);
  const t = textsFor(read.language);
  const { intent } = read;
  let { facts } = read;
  const said: string[] = [];
  // Yields one line at a time, checking for a cancel between lines.
  async function* say(lines: readonly string[]): AsyncGenerator<string, void, void> {
    for (const line of lines) {
      input.signal?.throwIfAborted();
      const piece = said.length === 0 ? line : `\n${line}`;
      said.push(piece);
      yield piece;
    }
  }
  const finish = (applied: SearchFacts, page?: ListingPage): AssistantOutcome =>
    outcome(input, read, said.join(''), applied, page);
  const again = input.history.some((turn) => turn.role === 'assistant');

  switch (intent.kind) {
    case 'greeting':
      yield* say(t.greeting(facts, again));
      return finish(facts);
    case 'thanks':
      yield* say([t.thanks()]);
      return finish(facts);
    case 'off_topic':
      yield* say([t.offTopic()]);
      return finish(facts);
    case 'outside_area':
      yield* say([t.elsewhere(intent.place)]);
      return finish(facts);
    case 'human':
    case 'viewing': {
      const online = input.agentsOnline ? await input.agentsOnline() : undefined;
      yield* say([
        ...changeLines(read),
        intent.kind === 'human' ? t.human() : t.viewing(),
        // The number stays in the conversation the agents read, never in the memory.
        ...(read.understood.phone ? [t.phoneHandoff()] : []),
        ...(online === undefined ? [] : [t.handoffNext(online)]),
      ]);
      return finish(facts);
    }
    case 'notify': {
      const may = Object.keys(facts).length === 0 || (await input.maySaveSearches?.()) !== false;
      yield* say([may ? t.notify(facts) : t.notifyNeedsAccount()]);
      return finish(facts);
    }
    case 'reset':
      if (Object.keys(facts).length === 0) {
        yield* say([t.reset()]);
        return finish(facts);
      }
      break;
    case 'question':
      if (intent.topic !== 'prices' || Object.keys(facts).length === 0) {
        yield* say(t.answer(intent.topic));
        return finish(facts);
      }
      break;
  }

  // "cheaper": below the lowest price the last reply showed (see cheaper.ts).
  const lowest = read.cheaper
    ? await lowestShown(read.before, (f, sort) => search(input, f, sort))
    : undefined;
  const below = lowest === undefined ? undefined : cheaperThan(read, lowest);
  if (lowest !== undefined && below !== undefined) {
    read = below;
    facts = below.facts;
    const lines = [...changeLines(read), ...noteLines(t, read.notes)];
    const page = await search(input, facts, 'price_asc');
    if (page.items.length > 0) {
      const question = nextQuestion(t, facts, input.history);
      yield* say([
        ...lines,
        t.cheaperThan(lowest),
        t.found(page.total, facts, page.items.length, 'cheapest'),
        ...numbered(t, page.items),
        ...(question ? [question] : []),
      ]);
      return finish(facts, page);
    }
    const { minPrice: _min, maxPrice: _max, ...unpriced } = facts;
    lines.push(t.nothingCheaper(lowest, unpriced));
    // Loosening anything but the budget: loosening the budget cannot find cheaper.
    for (const step of relaxations(facts, { keepBudget: true })) {
      const relaxed = await search(input, step.facts, 'price_asc');
      if (relaxed.items.length === 0) continue;
      yield* say([
        ...lines,
        t.relaxed(step.loosened, relaxed.total, relaxed.items.length),
        ...numbered(t, relaxed.items),
        t.relaxedNote(),
      ]);
      return finish(step.facts, relaxed);
    }
    yield* say([...lines, t.nothingCheaperAnywhere()]);
    return finish(facts);
  }

  const lead = [...changeLines(read), ...noteLines(t, read.notes)];
  const order =
    read.order === 'top' && (facts.minPrice !== undefined || facts.maxPrice !== undefined)
      ? 'cheapest'
      : read.order;
  const sort: ListingSort =
    order === 'cheapest' ? 'price_asc' : order === 'priciest' ? 'price_desc' : 'relevance';
  const page = await search(input, facts, sort);
  if (page.items.length > 0) {
    const empty = Object.keys(facts).length === 0;
    const intro = empty
      ? t.everything(page.total)
      : t.found(page.total, facts, page.items.length, order);
    const question = nextQuestion(t, facts, input.history);
    yield* say([...lead, intro, ...numbered(t, page.items), ...(question ? [question] : [])]);
    return finish(facts, page);
  }

  // No match: offer the first single relaxation that finds something, labelled as such.
  // appliedFilters then says what the recommendations satisfy; memory keeps the request.
  if (Object.keys(facts).length > 0) {
    for (const step of relaxations(facts)) {
      const relaxedSort: ListingSort =
        step.facts.minPrice === undefined && step.facts.maxPrice === undefined ? sort : 'price_asc';
      const relaxed = await search(input, step.facts, relaxedSort);
      if (relaxed.items.length === 0) continue;
      yield* say([
        ...lead,
        t.noneFor(facts),
        t.relaxed(step.loosened, relaxed.total, relaxed.items.length),
        ...numbered(t, relaxed.items),
        t.relaxedNote(),
      ]);
      return finish(step.facts, relaxed);
    }
    yield* say([...lead, ...t.nothingAtAll(facts)]);
    return finish(facts);
  }
  yield* say([...lead, t.noListings()]);
  return finish(facts);
}

function changeLines(read: Interpretation): string[] {
  return read.changes.length > 0 ? [textsFor(read.language).changes(read.changes)] : [];
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
  read: Interpretation,
  responseText: string,
  appliedFilters: SearchFacts,
  page: ListingPage | undefined,
): AssistantOutcome {
  const reply: AssistantReply = {
    responseText,
    agent: 'rules',
    conversationId: input.conversationId,
    recommendations: page?.items.slice(0, RECOMMENDATION_LIMIT) ?? [],
    appliedFilters,
    language: read.language,
  };
  return {
    reply,
    memory: { summary: summarise(read.facts), facts: read.facts },
    intent: read.intent,
  };
}
