import type { Listing, SearchFacts } from '@parley/validators';
import { describeListing, describeSearch } from '../describe';
import type { Relaxation } from './relax';

/** The rule agent's sentences, one array entry per streamed line. */

const EXAMPLES =
  '"2-bedroom flat to rent in Kyrenia under £900 a month" or "villa with a pool in Esentepe to buy"';

export function greetingLines(memory: SearchFacts): string[] {
  const lines = [
    "Hi! I'm Parley, your property assistant for North Cyprus.",
    `Tell me what you're looking for and I'll find matching listings, for example ${EXAMPLES}.`,
    'I understand the area (Kyrenia, Famagusta, Nicosia, Iskele, Lapta, Esentepe and more), long-term rent, holiday stays or buying, the property type, bedrooms, your budget, and features such as a pool, sea view, garden or parking.',
  ];
  if (Object.keys(memory).length > 0)
    lines.push(`So far you've asked for ${describeSearch(memory)}.`);
  return lines;
}

export function thanksLines(): string[] {
  return [
    "You're welcome! Tell me if you'd like to change anything: the area, budget, bedrooms or features.",
  ];
}

export function resetLines(): string[] {
  return [`Okay, I've cleared everything. What are you looking for? For example ${EXAMPLES}.`];
}

function numbered(listings: readonly Listing[]): string[] {
  return listings.map((listing, i) => `${i + 1}. ${describeListing(listing)}`);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 'es'}`;
}

export interface ResultsText {
  facts: SearchFacts;
  items: readonly Listing[];
  total: number;
  byPrice: boolean;
  notes: string[];
}

export function resultsLines({ facts, items, total, byPrice, notes }: ResultsText): string[] {
  const empty = Object.keys(facts).length === 0;
  const intro = empty
    ? `There are ${total} ${total === 1 ? 'listing' : 'listings'} right now. Here are a few to start with:`
    : `I found ${plural(total, 'match')} for ${describeSearch(facts)}.${
        total > items.length ? ` Here are the ${byPrice ? 'cheapest' : 'top'} ${items.length}:` : ''
      }`;
  return [...notes, intro, ...numbered(items), nextQuestion(facts)];
}

export function relaxedLines(
  asked: SearchFacts,
  relaxed: Relaxation,
  items: readonly Listing[],
  total: number,
  notes: string[],
): string[] {
  return [
    ...notes,
    `I couldn't find any ${describeSearch(asked)}.`,
    `If I ${relaxed.change}, there ${total === 1 ? 'is 1 listing' : `are ${total} listings`}. ${
      items.length === 1
        ? 'Here it is'
        : `Here are ${items.length === total ? 'they' : `the first ${items.length}`}`
    }:`,
    ...numbered(items),
    `These are shown with that filter relaxed; your request is unchanged. Say "${relaxed.command}" to keep it relaxed, or tell me what else to change.`,
  ];
}

export function nothingLines(asked: SearchFacts, notes: string[]): string[] {
  if (Object.keys(asked).length === 0) {
    return [...notes, 'There are no listings available right now. Please check back soon.'];
  }
  return [
    ...notes,
    `I couldn't find any ${describeSearch(asked)}, and relaxing the features, budget, bedrooms, property type or area did not help either.`,
    asked.rentType === undefined
      ? 'Try a different search, or say "start over".'
      : 'Try another rent type (long-term, holiday or buying), or say "start over".',
  ];
}

/** The most useful thing still unknown, asked as one question. */
function nextQuestion(facts: SearchFacts): string {
  if (facts.rentType === undefined)
    return 'Are you looking to rent long-term, stay for a holiday, or buy?';
  if (facts.location === undefined) {
    return 'Which area do you prefer? Kyrenia, Famagusta, Nicosia, Iskele and Lapta are popular.';
  }
  if (facts.minPrice === undefined && facts.maxPrice === undefined) return "What's your budget?";
  if (facts.minBedrooms === undefined && facts.maxBedrooms === undefined)
    return 'How many bedrooms do you need?';
  return 'Want me to narrow it down, for example with a pool, sea view or parking?';
}
