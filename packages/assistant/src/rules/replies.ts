import { type Listing, type SearchFacts, townsMatching } from '@parley/validators';
import type { Note } from '../interpret';
import type { Question, Texts } from '../text';
import { LANGUAGES_READ } from '../text/languages-read';
import type { ChatTurn } from '../types';

/** The rule agent's sentences, one array entry per streamed line, in the reply's language. */

export function noteLines(t: Texts, notes: readonly Note[]): string[] {
  return notes.map((note) => noteLine(t, note));
}

function noteLine(t: Texts, note: Note): string {
  switch (note.kind) {
    case 'staleBudget':
      return t.staleBudget();
    case 'nothingNew':
      return t.nothingNew();
    case 'reading':
      return t.reading(note.reading, note.amount);
    case 'converted':
      return t.converted(note.amount, note.currency, note.pounds);
    case 'weekly':
      return t.weekly(note.week, note.night);
    case 'thousands':
      return t.thousands(note.amounts, note.currency);
    case 'unfiltered':
      return t.unfiltered(note.features);
    case 'needsBedrooms':
      return t.needsBedrooms();
    case 'phone':
      return t.phoneKept();
    case 'newSearch':
      return t.newSearch(note.dropped);
    case 'offered':
      return t.offered(note.places, note.types);
    case 'unreadLanguage':
      return LANGUAGES_READ;
  }
}

/** "1. ...", or from `after + 1` when earlier listings were shown before ("show more"). */
export function numbered(t: Texts, listings: readonly Listing[], after = 0): string[] {
  return listings.map((listing, i) => `${after + i + 1}. ${t.listing(listing)}`);
}

const ORDER: readonly Question[] = ['rentType', 'location', 'budget', 'bedrooms', 'features'];

function unknown(facts: SearchFacts, question: Question): boolean {
  switch (question) {
    case 'rentType':
      return facts.rentType === undefined;
    case 'location':
      return facts.location === undefined;
    case 'budget':
      return facts.minPrice === undefined && facts.maxPrice === undefined;
    case 'bedrooms':
      // A studio is its own answer: no separate bedroom.
      return (
        facts.minBedrooms === undefined &&
        facts.maxBedrooms === undefined &&
        facts.propertyType !== 'studio'
      );
    case 'features':
      return facts.features === undefined;
  }
}

/**
 * The most useful thing still unknown, asked as one question — never the question the
 * previous reply asked (in any of its wordings), and worded differently turn to turn.
 */
export function nextQuestion(
  t: Texts,
  facts: SearchFacts,
  history: readonly ChatTurn[],
): string | undefined {
  const previous = [...history].reverse().find((turn) => turn.role === 'assistant')?.content ?? '';
  const turns = history.filter((turn) => turn.role === 'assistant').length;
  // "How many bedrooms would you like? Then I can look for something bigger" asked it too.
  const askedBefore = (q: Question) =>
    [0, 1].some((v) => previous.includes(t.question(q, v))) ||
    (q === 'bedrooms' && previous.includes(t.needsBedrooms()));
  const question = ORDER.find((q) => unknown(facts, q) && !askedBefore(q));
  return question === undefined ? undefined : t.question(question, turns, popularPlaces(facts));
}

/** The towns the location question suggests, in this order. */
const POPULAR_PLACES = ['Girne', 'Gazimağusa', 'Lefkoşa', 'İskele', 'Lapta'] as const;

/**
 * The popular towns not left out: "not in Girne" leaves out Girne (Kyrenia) and the towns
 * of its district (Lapta), so neither is suggested.
 */
export function popularPlaces(facts: SearchFacts): string[] {
  const excluded = (facts.excludeLocations ?? []).flatMap((place) => townsMatching(place));
  return POPULAR_PLACES.filter((town) => !excluded.includes(town));
}
