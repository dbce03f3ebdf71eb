import type {
  Feature,
  Language,
  Listing,
  PropertyType,
  RentType,
  SearchFacts,
} from '@parley/validators';
import type { QuestionTopic } from '../understand/intents';

/** One thing a message changed in the conversation's memory, for "here is what changed". */
export type Change =
  | { kind: 'location'; to?: string; from?: string }
  | { kind: 'exclude'; places: string[] }
  | { kind: 'rentType'; to?: RentType }
  | { kind: 'propertyType'; to?: PropertyType }
  | { kind: 'bedrooms'; facts: SearchFacts }
  | { kind: 'price'; facts: SearchFacts }
  | { kind: 'featuresAdded'; features: Feature[] }
  | { kind: 'featuresRemoved'; features: Feature[] };

/** What a relaxation loosened, for "If I ..., there are N listings". */
export type Loosened =
  | { kind: 'q'; q: string }
  | { kind: 'features'; features: Feature[] }
  | { kind: 'budget' }
  | { kind: 'bedrooms' }
  | { kind: 'type' }
  | { kind: 'district'; district: string }
  | { kind: 'anywhere' }
  | { kind: 'all'; keepRent: boolean }
  /** Only the kind of home asked for (rent type, type, bedrooms; maybe the place). */
  | { kind: 'keepOnly'; kept: SearchFacts };

/** How a budget was read when nobody said the rent type. */
export type Reading = 'month' | 'night' | 'sale';

export type Question = 'rentType' | 'location' | 'budget' | 'bedrooms' | 'features';

export type ListOrder = 'top' | 'cheapest' | 'priciest';

/** One rent type's matches: how many, and the lowest and highest price (in pounds). */
export interface KindCount {
  rentType: RentType;
  total: number;
  low: number;
  high: number;
}

/** Every sentence the rule agent says, in one language. */
export interface Texts {
  language: Language;
  /** "2-bedroom apartments to rent long-term in Girne (Kyrenia), up to £1,000 a month". */
  search(facts: SearchFacts): string;
  /** "Sea-view flat — Girne, 2 bedrooms, £850/month", priced as on the cards. */
  listing(listing: Listing): string;
  found(total: number, facts: SearchFacts, shown: number, order: ListOrder): string;
  everything(total: number): string;
  /** "show more": listings `from` to `to` (1-based) of `total`. */
  more(from: number, to: number, total: number): string;
  /**
   * "show more" when the last list is no longer what the search finds (listings came or
   * went, or the search changed): the list that follows starts again from the first.
   */
  listChanged(): string;
  /** "show more" when every match was shown already. */
  allShown(total: number): string;
  noneFor(asked: SearchFacts): string;
  relaxed(loosened: Loosened, total: number, shown: number): string;
  /** After a relaxed list: `filters` is how many were loosened ("that filter", "those filters"). */
  relaxedNote(filters: number): string;
  nothingAtAll(asked: SearchFacts): string[];
  noListings(): string;
  greeting(memory: SearchFacts, again: boolean): string[];
  thanks(): string;
  reset(): string;
  nothingNew(): string;
  staleBudget(): string;
  changes(changes: Change[]): string;
  reading(reading: Reading, amount: number): string;
  converted(amount: number, currency: string, pounds: number): string;
  weekly(week: number, night: number): string;
  /** "I read 150 as £150,000": a purchase budget written in hundreds, amounts as written. */
  thousands(amounts: readonly number[], currency: string): string;
  /** Refused features ("no pool") that the search cannot leave out, said as not applied. */
  unfiltered(features: readonly Feature[]): string;
  sortedByPrice(order: 'cheapest' | 'priciest'): string;
  /** No rent type asked for: only `shown` is listed, so prices of one kind; the others' counts. */
  oneKind(shown: RentType, others: readonly KindCount[]): string;
  /** A price question: the range of each kind ("to rent long-term from £400/month to ..."). */
  priceRanges(kinds: readonly KindCount[]): string;
  needsBedrooms(): string;
  /** "cheaper" found something: below the lowest price the last reply showed. */
  cheaperThan(lowest: Pick<Listing, 'price' | 'currency' | 'pricePeriod'>): string;
  /** "cheaper" found nothing with the same filters: the lowest shown was the lowest. */
  nothingCheaper(
    lowest: Pick<Listing, 'price' | 'currency' | 'pricePeriod'>,
    asked: SearchFacts,
  ): string;
  /** Nor with any filter relaxed but the budget: what else could help. */
  nothingCheaperAnywhere(): string;
  /** A phone number came with a search: it is not a filter, and a call is one ask away. */
  phoneKept(): string;
  /** A person asked for with a phone number: the agent sees it and can call. */
  phoneHandoff(): string;
  /** Places or types offered as a choice and not searched: how to see them instead. */
  offered(places: readonly string[], types: readonly PropertyType[]): string;
  /** A new search: the previous home's features and bedrooms, not carried over. */
  newSearch(dropped: SearchFacts): string;
  /**
   * One question; the first wording of `location` names the popular `places` (canonical
   * town names) people are offered. Without `places` it is the question alone, which is
   * how an earlier reply is recognised as having asked it.
   */
  question(question: Question, variant: number, places?: readonly string[]): string;
  human(): string;
  viewing(): string;
  /** After asking for a person: whether an agent is online now, and what happens next. */
  handoffNext(online: boolean): string;
  /**
   * A person asked for again while the conversation already waits for one ("is anyone
   * there?"): it is in the queue, not newly handed over; whether one is online, if known.
   */
  queued(online: boolean | undefined): string;
  notify(facts: SearchFacts): string;
  /** Asked for alerts by someone who may not save searches (a guest): sign in first. */
  notifyNeedsAccount(): string;
  /** Asked for alerts by someone who keeps the most saved searches one may: delete one first. */
  notifyLimit(): string;
  /** `listing`: the listing asked about can no longer be told apart. */
  answer(topic: QuestionTopic): string[];
  /** Listing `n` (1-based) of the last reply has the features asked about, or lacks them. */
  shownHas(
    n: number,
    listing: Listing,
    has: readonly Feature[],
    lacks: readonly Feature[],
  ): string[];
  /** "tell me more about the new one": the listing the newest alert in the chat posted. */
  alerted(listing: Listing): string[];
  /** ... when no alert can be seen, or its listing is gone: the Alerts page or an agent. */
  alertedUnknown(): string[];
  /** Listing `n` of the last reply, asked about with nothing in particular: what it lists. */
  shownDetails(n: number, listing: Listing): string[];
  offTopic(): string;
  elsewhere(place: string): string;
}
