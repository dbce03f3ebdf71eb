import {
  type Feature,
  LANGUAGES,
  type Language,
  type PropertyType,
  type SearchFacts,
} from '@parley/validators';
import type { AssistantIntent } from './intent';
import { mergeFacts, normaliseFacts } from './memory';
import { type Change, type ListOrder, type Reading, textsFor } from './text';
import type { ChatTurn } from './types';
import { type BudgetCurrency, saysNothing, type Understanding, understand } from './understand';
import {
  languageOfHistory,
  saysLittleLanguage,
  writtenInUnreadLanguage,
} from './understand/language';

/**
 * One message read against the conversation: what the person wants (intent), the
 * memory after it, what changed, and the notes the reply owes them (how a budget was
 * read, a conversion). Pure: the rule agent and the evaluation both call it.
 */

export type Note =
  | { kind: 'staleBudget' }
  | { kind: 'nothingNew' }
  | { kind: 'reading'; reading: Reading; amount: number }
  | { kind: 'converted'; amount: number; currency: BudgetCurrency; pounds: number }
  | { kind: 'weekly'; week: number; night: number }
  /** A purchase budget written in hundreds, read as thousands: 150 is £150,000. */
  | { kind: 'thousands'; amounts: number[]; currency: BudgetCurrency }
  /** Features refused ("no pool") that the search cannot leave out. */
  | { kind: 'unfiltered'; features: Feature[] }
  | { kind: 'needsBedrooms' }
  /** A phone number was given along with a search: not used, and a call can be asked. */
  | { kind: 'phone' }
  /** A new search: the old home's features and bedrooms that were not carried over. */
  | { kind: 'newSearch'; dropped: SearchFacts }
  /** Places or types offered as a choice ("Alsancak or Lapta"): the first is searched. */
  | { kind: 'offered'; places: string[]; types: PropertyType[] }
  /** Written in a language it does not read (German, Arabic...): which ones it reads. */
  | { kind: 'unreadLanguage' };

export interface Interpretation {
  language: Language;
  intent: AssistantIntent;
  understood: Understanding;
  /** The remembered request, normalised. */
  before: SearchFacts;
  /** The request after this message: what memory stores. */
  facts: SearchFacts;
  /** What this message changed, when there was something before. */
  changes: Change[];
  notes: Note[];
  order: ListOrder;
  /**
   * "cheaper" asked relative to what was shown (no amount said, no alert). Read alone, it
   * cuts a remembered budget by a fifth; the rule agent, which can see the listings, makes
   * it cheaper than the listings the last reply showed instead.
   */
  cheaper: boolean;
}

/** Approximate pounds per unit; listings are priced in pounds and the reply says "about". */
const TO_POUNDS: Record<BudgetCurrency, number> = { GBP: 1, EUR: 0.86, USD: 0.79, TRY: 0.02 };

/** Amounts that fit one reading only: a nightly rate, a monthly rent, a sale price. */
const MONTHLY_FROM = 250;
const SALE_FROM = 20_000;
/** A purchase budget written bare below this is in thousands: "for sale under 150". */
const SALE_THOUSANDS_BELOW = 10_000;

export function interpret(
  message: string,
  memory: SearchFacts,
  history: readonly ChatTurn[] = [],
): Interpretation {
  const understood = understand(message);
  const earlier = languageOfHistory(history);
  // A short follow-up with hardly a word of English ("do 900" after Russian typed in Latin
  // letters) keeps the conversation's language.
  const keepsEarlier =
    earlier !== undefined && understood.language === 'en' && saysLittleLanguage(message);
  const language = (keepsEarlier ? earlier : understood.language) ?? earlier ?? 'en';
  const before = normaliseFacts(memory);
  const keep = (intent: AssistantIntent): Interpretation => ({
    language,
    understood,
    before,
    intent,
    facts: before,
    changes: [],
    notes: [],
    order: 'top',
    cheaper: false,
  });

  // "أبحث عن شقة", "Ich suche eine Wohnung": say which languages it reads. With nothing
  // understood that is the whole answer (no search); otherwise the search goes on.
  const unread = understood.language !== 'ru' && writtenInUnreadLanguage(message);
  if (unread && saysNothing(understood) && !understood.phone)
    return { ...keep({ kind: 'search' }), notes: [{ kind: 'unreadLanguage' }] };
  if (understood.smallTalk !== undefined) return keep({ kind: understood.smallTalk });
  const { signals, facts: said } = understood;
  // A rent type alone does not make it a property request: "last night" says "night".
  const statesProperty =
    said.propertyType !== undefined ||
    said.minBedrooms !== undefined ||
    said.maxBedrooms !== undefined ||
    said.minPrice !== undefined ||
    said.maxPrice !== undefined ||
    said.features !== undefined;
  // An errand elsewhere ("the ferry to Mersin") is off-topic before it is outside the area.
  if (signals.offTopic && !statesProperty && signals.asks.length === 0)
    return keep({ kind: 'off_topic' });
  if (signals.elsewhere !== undefined && said.location === undefined)
    return keep({ kind: 'outside_area', place: displayPlace(signals.elsewhere) });
  // "Can foreigners buy a villa?" is a question: it changes no filter.
  if (
    signals.topic !== undefined &&
    signals.topic !== 'prices' &&
    (signals.question || saysNothing(understood))
  )
    return keep({ kind: 'question', topic: signals.topic });

  // A person or a viewing is about listings already shown: "a visit to the villa" names
  // one of them, not a new filter.
  const ask = signals.asks.find((a) => a === 'human' || a === 'viewing');
  // A phone number with nothing to search for ("my number is 0533 123 45 67") is asking
  // to be contacted: the agents' inbox gets the conversation, number included, while
  // the memory never stores it.
  if (ask === undefined && understood.phone && saysNothing(understood))
    return keep({ kind: 'human' });
  // "studio for rent in Lefkoşa, max £450, can you also call me": a call asked for with a
  // search of its own keeps the search, so the agent sees it and the reply can list it. A
  // property word alone ("talk to someone about the villa") still names one already shown.
  const searchesToo = ask === 'human' && statesProperty && groupsStated(said) >= 2;
  if (ask !== undefined && !signals.asks.includes('notify') && !searchesToo)
    return keep({ kind: ask });

  // "tell me more about the new one": the listing an alert posted here (rules/alerted.ts).
  // "tell me when a new one comes up" asks for an alert instead.
  if (understood.alertedListing && saysNothing(understood) && signals.asks.length === 0)
    return keep({ kind: 'question', topic: 'listing' });

  // "does the first one have parking?", "а вторая с мебелью?": a question about a listing
  // shown. Its words name what is asked about it, not a new filter.
  if (
    understood.shownListing !== undefined &&
    signals.question &&
    understood.relative.length === 0 &&
    !understood.reset
  )
    return keep({ kind: 'question', topic: 'listing' });

  const notes: Note[] = unread ? [{ kind: 'unreadLanguage' }] : [];
  // The number is left out of the search; say how to ask for a call, unless it was asked.
  if (understood.phone && ask === undefined) notes.push({ kind: 'phone' });
  // Memory holds one place and one type: the reply names the choices it did not search.
  if (understood.offered !== undefined) notes.push({ kind: 'offered', ...understood.offered });
  const merged = mergeFacts(before, understood, {
    rereadBudget: lastReplyReadBudget(history, before),
  });
  const facts = merged.facts;
  if (merged.droppedStaleBudget) notes.push({ kind: 'staleBudget' });
  if (merged.leftBehind !== undefined)
    notes.push({ kind: 'newSearch', dropped: merged.leftBehind });
  const statesPrice = said.minPrice !== undefined || said.maxPrice !== undefined;
  let { minPrice: statedMin, maxPrice: statedMax } = said;

  // Nobody buys a home for £150: a bare purchase budget in hundreds means thousands
  // ("satılık daire 120'ye kadar"). Rents are left as written.
  if (statesPrice && facts.rentType === 'sale' && understood.weekly === undefined) {
    const bare = understood.bareAmounts ?? {};
    const inThousands = (n: number | undefined, isBare: boolean | undefined): n is number =>
      n !== undefined && isBare === true && n > 0 && n < SALE_THOUSANDS_BELOW;
    const amounts: number[] = [];
    if (inThousands(statedMin, bare.min)) {
      amounts.push(statedMin);
      statedMin *= 1_000;
      facts.minPrice = statedMin;
    }
    if (inThousands(statedMax, bare.max)) {
      amounts.push(statedMax);
      statedMax *= 1_000;
      facts.maxPrice = statedMax;
    }
    if (amounts.length > 0)
      notes.push({ kind: 'thousands', amounts, currency: understood.currency ?? 'GBP' });
  }
  if (statesPrice && understood.weekly !== undefined) {
    const week = understood.weekly.max ?? understood.weekly.min;
    const night = statedMax ?? statedMin;
    if (week !== undefined && night !== undefined) notes.push({ kind: 'weekly', week, night });
  }
  if (statesPrice && understood.currency !== undefined && understood.currency !== 'GBP') {
    const rate = TO_POUNDS[understood.currency];
    const amount = statedMax ?? statedMin!;
    if (statedMin !== undefined) facts.minPrice = Math.round(statedMin * rate);
    if (statedMax !== undefined) facts.maxPrice = Math.round(statedMax * rate);
    notes.push({
      kind: 'converted',
      amount,
      currency: understood.currency,
      pounds: facts.maxPrice ?? facts.minPrice!,
    });
  }

  let order: ListOrder = understood.cheap ? 'cheapest' : 'top';
  let cheaper = false;
  for (const relative of understood.relative) {
    if (relative === 'cheaper' || relative === 'pricier') {
      order = relative === 'cheaper' ? 'cheapest' : 'priciest';
      // "tell me if something cheaper appears": the saved budget already covers cheaper.
      const alert = relative === 'cheaper' && understood.signals.asks.includes('notify');
      if (relative === 'cheaper' && !statesPrice && !alert) cheaper = true;
      if (statesPrice || alert || facts.maxPrice === undefined) continue;
      facts.maxPrice = nice(facts.maxPrice * (relative === 'cheaper' ? 0.8 : 1.25));
      if (facts.minPrice !== undefined && facts.minPrice > facts.maxPrice) delete facts.minPrice;
    } else if (said.minBedrooms === undefined && said.maxBedrooms === undefined) {
      const bigger = relative === 'bigger';
      const baseline = bigger
        ? (facts.maxBedrooms ?? facts.minBedrooms)
        : (facts.minBedrooms ?? facts.maxBedrooms);
      if (baseline === undefined || (!bigger && baseline === 0)) {
        notes.push({ kind: 'needsBedrooms' });
        continue;
      }
      delete facts.minBedrooms;
      delete facts.maxBedrooms;
      if (bigger) facts.minBedrooms = baseline + 1;
      else facts.maxBedrooms = baseline - 1;
    }
  }

  // A budget far beyond any rent, said without a rent type while a rent is remembered
  // ("до 200000 фунтов" after a monthly rent): a purchase, as it is in a fresh chat, and
  // the reply says so. A stated rent type or a weekly budget is taken as said.
  const amountSaid = facts.maxPrice ?? facts.minPrice;
  if (
    statesPrice &&
    said.rentType === undefined &&
    understood.weekly === undefined &&
    facts.rentType !== undefined &&
    facts.rentType !== 'sale' &&
    amountSaid !== undefined &&
    amountSaid >= SALE_FROM
  ) {
    facts.rentType = 'sale';
    notes.push({ kind: 'reading', reading: 'sale', amount: amountSaid });
  }

  // A budget with no rent type: read it the one way it fits, and say so.
  if (facts.rentType === undefined && (facts.minPrice ?? facts.maxPrice) !== undefined) {
    const amount = facts.maxPrice ?? facts.minPrice!;
    const reading: Reading =
      amount >= SALE_FROM ? 'sale' : amount >= MONTHLY_FROM ? 'month' : 'night';
    facts.rentType = reading === 'sale' ? 'sale' : reading === 'month' ? 'long_term' : 'short_term';
    notes.push({ kind: 'reading', reading, amount });
  }

  // "no pool" when no pool was asked for: the search can require a feature but not leave
  // one out, so the reply says it was not applied rather than ignoring it.
  const unfiltered = understood.refusedFeatures.filter((f) => !before.features?.includes(f));
  if (unfiltered.length > 0) notes.push({ kind: 'unfiltered', features: unfiltered });

  const after = normaliseFacts(facts);
  const leftBehind = merged.leftBehind;
  // What a new search left behind is said once, by its note, not again as "no longer".
  const changes = (Object.keys(before).length > 0 ? diff(before, after) : []).filter(
    (c) =>
      leftBehind === undefined ||
      !(
        (c.kind === 'featuresRemoved' && leftBehind.features !== undefined) ||
        (c.kind === 'bedrooms' &&
          after.minBedrooms === undefined &&
          after.maxBedrooms === undefined &&
          (leftBehind.minBedrooms ?? leftBehind.maxBedrooms) !== undefined)
      ),
  );
  const intent = chooseIntent(understood, before, changes);
  if (
    intent.kind === 'search' &&
    saysNothing(understood) &&
    understood.relative.length === 0 &&
    !understood.cheap &&
    !understood.more &&
    Object.keys(after).length > 0
  )
    notes.push({ kind: 'nothingNew' });
  return { language, understood, before, intent, facts: after, changes, notes, order, cheaper };
}

/** How many groups of filters (place, rent type, type, rooms, budget, features) are said. */
function groupsStated(said: SearchFacts): number {
  const groups = [
    said.location ?? said.excludeLocations,
    said.rentType,
    said.propertyType,
    said.minBedrooms ?? said.maxBedrooms,
    said.minPrice ?? said.maxPrice,
    said.features,
  ];
  return groups.filter((group) => group !== undefined).length;
}

function chooseIntent(u: Understanding, before: SearchFacts, changes: Change[]): AssistantIntent {
  for (const ask of ['human', 'viewing', 'notify'] as const)
    if (u.signals.asks.includes(ask)) return { kind: ask };
  if (u.signals.topic === 'prices') return { kind: 'question', topic: 'prices' };
  if (u.reset && Object.keys(u.facts).length === 0) return { kind: 'reset' };
  if (!u.reset && Object.keys(before).length > 0 && (changes.length > 0 || u.relative.length > 0))
    return { kind: 'refine' };
  return { kind: 'search' };
}

/**
 * True when the last reply said how it read the remembered budget, in any language: the
 * sentence is ours, so it is recognised exactly.
 */
function lastReplyReadBudget(history: readonly ChatTurn[], before: SearchFacts): boolean {
  const last = history.findLast((turn) => turn.role === 'assistant');
  const amount = before.maxPrice ?? before.minPrice;
  if (last === undefined || amount === undefined || before.rentType === undefined) return false;
  const reading: Reading =
    before.rentType === 'sale' ? 'sale' : before.rentType === 'long_term' ? 'month' : 'night';
  return LANGUAGES.some((language) =>
    last.content.includes(textsFor(language).reading(reading, amount)),
  );
}

const roundingStep = (n: number) => (n < 200 ? 5 : n < 2_000 ? 10 : n < 20_000 ? 50 : 1_000);

/** Rounds a changed budget to a figure a person would say: 640, 1,250, 240,000. */
function nice(n: number): number {
  const step = roundingStep(n);
  return Math.max(step, Math.round(n / step) * step);
}

/**
 * The round figure a person would say just below a price: £1,153,000 below £1,154,000,
 * £840 below £850, £40 below £40.50. Undefined when no such figure is above zero.
 */
export function roundBelow(price: number): number | undefined {
  const step = roundingStep(price);
  const below = Math.ceil(price / step) * step - step;
  return below > 0 ? below : undefined;
}

function displayPlace(folded: string): string {
  return folded.replace(
    /(^|\s)(\p{L})/gu,
    (_, space: string, letter: string) => space + letter.toUpperCase(),
  );
}

/** The changes from `before` to `after`, in the order the reply says them. */
export function diff(before: SearchFacts, after: SearchFacts): Change[] {
  const changes: Change[] = [];
  if (before.location !== after.location) {
    const change: Change = { kind: 'location' };
    if (after.location !== undefined) change.to = after.location;
    if (before.location !== undefined && after.location !== undefined)
      change.from = before.location;
    // A place dropped because it is now excluded is said by the exclusion alone.
    if (after.location !== undefined || !after.excludeLocations?.includes(before.location!))
      changes.push(change);
  }
  const newlyExcluded = (after.excludeLocations ?? []).filter(
    (p) => !(before.excludeLocations ?? []).includes(p),
  );
  if (newlyExcluded.length > 0) changes.push({ kind: 'exclude', places: newlyExcluded });
  if (before.rentType !== after.rentType) {
    changes.push(
      after.rentType === undefined
        ? { kind: 'rentType' }
        : { kind: 'rentType', to: after.rentType },
    );
  }
  if (before.propertyType !== after.propertyType) {
    changes.push(
      after.propertyType === undefined
        ? { kind: 'propertyType' }
        : { kind: 'propertyType', to: after.propertyType },
    );
  }
  if (before.minBedrooms !== after.minBedrooms || before.maxBedrooms !== after.maxBedrooms)
    changes.push({ kind: 'bedrooms', facts: after });
  if (
    before.minPrice !== after.minPrice ||
    before.maxPrice !== after.maxPrice ||
    ((after.minPrice ?? after.maxPrice) !== undefined && before.rentType !== after.rentType)
  )
    changes.push({ kind: 'price', facts: after });
  const had = new Set<Feature>(before.features ?? []);
  const has = new Set<Feature>(after.features ?? []);
  const added = [...has].filter((f) => !had.has(f));
  const removed = [...had].filter((f) => !has.has(f));
  if (added.length > 0) changes.push({ kind: 'featuresAdded', features: added });
  if (removed.length > 0) changes.push({ kind: 'featuresRemoved', features: removed });
  return changes;
}
