import type { AssistantReply, ListingPage, ListingSort, SearchFacts } from '@parley/validators';
import { summarise } from '../describe';
import { type Interpretation, interpret } from '../interpret';
import { textsFor } from '../text';
import type { Assistant, AssistantInput, AssistantOutcome } from '../types';
import { saysNothing } from '../understand';
import { answerAboutAlerted } from './alerted';
import { cheaperThan, lowestShown } from './cheaper';
import { nextPage } from './more';
import { countKinds, oneKind } from './one-kind';
import { relaxations } from './relax';
import { nextQuestion, noteLines, numbered } from './replies';
import { answerAboutShown } from './shown';

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

  // Not a language it reads, and nothing understood: which languages it reads, no search.
  if (read.notes.some((n) => n.kind === 'unreadLanguage') && saysNothing(read.understood)) {
    yield* say(noteLines(t, read.notes));
    return finish(facts);
  }

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
      // Asked again while already waiting ("is anyone there?"): in the queue, not a new hand-off.
      const queued = intent.kind === 'human' && (await input.conversationMode?.()) === 'waiting';
      const online = input.agentsOnline ? await input.agentsOnline() : undefined;
      yield* say([
        ...changeLines(read),
        ...noteLines(t, read.notes),
        ...(queued ? [t.queued(online)] : [intent.kind === 'human' ? t.human() : t.viewing()]),
        // The number stays in the conversation the agents read, never in the memory.
        ...(read.understood.phone ? [t.phoneHandoff()] : []),
        ...(online === undefined || queued ? [] : [t.handoffNext(online)]),
      ]);
      // A call asked for with a search of its own (see interpret): what it finds meanwhile.
      if (facts === read.before || Object.keys(facts).length === 0) return finish(facts);
      const page = await search(input, facts, hasBudget(facts) ? 'price_asc' : 'relevance');
      if (page.items.length === 0) {
        // Still says what was understood, so the person sees the search was kept.
        yield* say([t.noneFor(facts)]);
        return finish(facts);
      }
      const order = hasBudget(facts) ? 'cheapest' : 'top';
      yield* say([
        t.found(page.total, facts, page.items.length, order),
        ...numbered(t, page.items),
      ]);
      return finish(facts, page);
    }
    case 'notify': {
      // Promised only when it will be saved: a guest signs in first, a full list loses one.
      const may =
        Object.keys(facts).length === 0 || ((await input.maySaveSearches?.(facts)) ?? true);
      yield* say([
        may === true ? t.notify(facts) : may === 'limit' ? t.notifyLimit() : t.notifyNeedsAccount(),
      ]);
      return finish(facts);
    }
    case 'reset':
      if (Object.keys(facts).length === 0) {
        yield* say([t.reset()]);
        return finish(facts);
      }
      break;
    case 'question':
      if (intent.topic === 'listing' && read.understood.alertedListing) {
        yield* say(await answerAboutAlerted(t, input.history, (f, sort) => search(input, f, sort)));
        return finish(facts);
      }
      if (intent.topic === 'listing') {
        yield* say(
          await answerAboutShown(t, read, input.history, (f, sort) => search(input, f, sort)),
        );
        return finish(facts);
      }
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
      const question = asksAlready(read) ? undefined : nextQuestion(t, facts, input.history);
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
    // Nothing is cheaper, so the request is unchanged, as the reply says: the memory keeps
    // the budget it had, or later turns would search below a price nothing meets.
    read = { ...read, facts: withBudgetOf(read.before, facts) };
    // Loosening anything but the budget: loosening the budget cannot find cheaper.
    for (const step of relaxations(facts, { keepBudget: true })) {
      const relaxed = await search(input, step.facts, 'price_asc');
      if (relaxed.items.length === 0) continue;
      yield* say([
        ...lines,
        t.relaxed(step.loosened, relaxed.total, relaxed.items.length),
        ...numbered(t, relaxed.items),
        t.relaxedNote(step.filters),
      ]);
      return finish(step.facts, relaxed);
    }
    yield* say([...lines, t.nothingCheaperAnywhere()]);
    return finish(facts);
  }

  const lead = [...changeLines(read), ...noteLines(t, read.notes)];
  // "how much is a 2 bed flat in Girne?": the range of each kind, then the cheapest.
  const asksPrice = intent.kind === 'question' && intent.topic === 'prices';
  const order = read.order === 'top' && (hasBudget(facts) || asksPrice) ? 'cheapest' : read.order;
  const sort: ListingSort =
    order === 'cheapest' ? 'price_asc' : order === 'priciest' ? 'price_desc' : 'relevance';
  // "show more" when the last list cannot be found again: the list starts over, said so.
  let restarted: string[] = [];
  // "show more": the next listings of the same list (more.ts).
  if (read.understood.more && saysNothing(read.understood) && Object.keys(facts).length > 0) {
    const sorts: ListingSort[] = [sort, 'price_asc', 'relevance'];
    const next = await nextPage(
      facts,
      input.history,
      sorts,
      RECOMMENDATION_LIMIT,
      input.searchListings,
    );
    if (next === 'changed') restarted = [t.listChanged()];
    else if (next !== undefined) {
      const { page, after } = next;
      const items = page.items.slice(0, RECOMMENDATION_LIMIT);
      yield* say(
        items.length === 0
          ? [t.allShown(page.total)]
          : [t.more(after + 1, after + items.length, page.total), ...numbered(t, items, after)],
      );
      return finish(next.facts, { ...page, items });
    }
  }
  const first = await search(input, facts, sort);
  if (first.items.length > 0) {
    const priced = asksPrice ? await countKinds(facts, input.searchListings, true) : undefined;
    const ranges = priced ? [t.priceRanges(priced)] : [];
    // No list mixes nightly, monthly and sale prices (one-kind.ts).
    const {
      facts: shown,
      page,
      kinds,
    } = await oneKind(facts, first, (f) => search(input, f, sort), input.searchListings, priced);
    const empty = Object.keys(facts).length === 0;
    const intro = empty
      ? t.everything(page.total)
      : t.found(page.total, shown, page.items.length, order);
    const only = kinds === undefined ? [] : [t.oneKind(shown.rentType!, kinds.slice(1))];
    const question = asksAlready(read) ? undefined : nextQuestion(t, facts, input.history);
    yield* say([
      ...lead,
      ...restarted,
      ...ranges,
      intro,
      ...numbered(t, page.items),
      ...only,
      ...(question ? [question] : []),
    ]);
    return finish(shown, page);
  }

  // No match: offer the first single relaxation that finds something, labelled as such.
  // appliedFilters then says what the recommendations satisfy; memory keeps the request.
  if (Object.keys(facts).length > 0) {
    for (const step of relaxations(facts)) {
      const relaxedSort: ListingSort =
        step.facts.minPrice === undefined && step.facts.maxPrice === undefined ? sort : 'price_asc';
      const found = await search(input, step.facts, relaxedSort);
      if (found.items.length === 0) continue;
      const {
        facts: shown,
        page: relaxed,
        kinds,
      } = await oneKind(
        step.facts,
        found,
        (f) => search(input, f, relaxedSort),
        input.searchListings,
      );
      yield* say([
        ...lead,
        ...restarted,
        t.noneFor(facts),
        t.relaxed(step.loosened, relaxed.total, relaxed.items.length),
        ...numbered(t, relaxed.items),
        ...(kinds === undefined ? [] : [t.oneKind(shown.rentType!, kinds.slice(1))]),
        t.relaxedNote(step.filters),
      ]);
      return finish(shown, relaxed);
    }
    yield* say([...lead, ...t.nothingAtAll(facts)]);
    return finish(facts);
  }
  yield* say([...lead, t.noListings()]);
  return finish(facts);
}

const hasBudget = (facts: SearchFacts) =>
  facts.minPrice !== undefined || facts.maxPrice !== undefined;

/** The reply asks a question of its own already ("How many bedrooms would you like?"). */
const asksAlready = (read: Interpretation) => read.notes.some((n) => n.kind === 'needsBedrooms');

/** `facts` with the budget of `before` (or none, when it had none). */
function withBudgetOf(before: SearchFacts, facts: SearchFacts): SearchFacts {
  const { minPrice: _min, maxPrice: _max, ...rest } = facts;
  return {
    ...rest,
    ...(before.minPrice === undefined ? {} : { minPrice: before.minPrice }),
    ...(before.maxPrice === undefined ? {} : { maxPrice: before.maxPrice }),
  };
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
