import {
  FEATURES,
  type Feature,
  type Language,
  type PropertyType,
  type SearchFacts,
} from '@parley/validators';
import { namesAlertedListing } from './alerted-listing';
import { findBedrooms } from './bedrooms';
import { findBudget, findPeriodAlone, type Period } from './budget';
import {
  COMMAND_WORDS,
  type FactGroup,
  findDrops,
  findReset,
  findSmallTalk,
  SMALL_TALK_WORDS,
  type SmallTalk,
} from './commands';
import { type BudgetCurrency, currencyOfWord } from './currency';
import { findIntentSignals, type IntentSignals } from './intents';
import {
  findFeatures,
  findPropertyType,
  findRentType,
  KEYWORD_WORDS,
  otherTypesOffered,
} from './keywords';
import { detectLanguage } from './language';
import { findLocation } from './location';
import { asksForMore, sortsByPrice } from './paging';
import { removePhoneNumbers } from './phone';
import { findRelative, RELATIVE_WORDS, type Relative } from './refine';
import { createScan } from './scan';
import { shownListingNamed } from './shown-listing';
import { tokenize } from './tokens';
import { fromLatinRussian } from './translit';

export type { BudgetCurrency, FactGroup, IntentSignals, Relative, SmallTalk };

/** What one message says, before it is merged into the session's memory. */
export interface Understanding {
  /** Facts stated in this message (a stated group replaces the remembered one). */
  facts: SearchFacts;
  /** Groups the person dropped: "forget the budget", "anywhere". */
  drops: FactGroup[];
  /** Features waved away: "no pool", "unfurnished", "no need for a pool". */
  removedFeatures: Feature[];
  /**
   * Of those, the ones refused outright ("no pool", not "no need for a pool"): the search
   * cannot leave out listings that have a feature, so the reply says it was not applied.
   */
  refusedFeatures: Feature[];
  /** A place named with "not"/"instead of". */
  unwantedLocation?: string;
  /** Places named with "not"/"except": kept out of the search. */
  excludedLocations: string[];
  /** "cheaper", "bigger": changes relative to the remembered request. */
  relative: Relative[];
  /** A person, a viewing, an alert, a question, off-topic, a place elsewhere. */
  signals: IntentSignals;
  /** Places and property types offered as a choice besides the ones searched. */
  offered?: { places: string[]; types: PropertyType[] };
  /** A listing the last reply showed, by its place in the list (-1: the last one). */
  shownListing?: number;
  /** "the new one": the listing an alert posted in the chat. */
  alertedListing?: true;
  /** The currency the budget was written in (prices are compared in pounds). */
  currency?: BudgetCurrency;
  /** Which bounds of the budget were plain numbers, with no "k", "bin" or "тыс". */
  bareAmounts?: { min?: boolean; max?: boolean };
  /** The budget was given per week and has been turned into a nightly one. */
  weekly?: { min?: number; max?: number };
  /** A price period named without an amount ("per month"): re-reads the remembered budget. */
  period?: Period;
  /** "start over": forget everything before applying this message. */
  reset: boolean;
  /** Set only when the message carries nothing else. */
  smallTalk?: SmallTalk;
  /** "cheapest", "cheap", "affordable": list by price. */
  cheap: boolean;
  /** "show more", "daha fazla göster", "покажи ещё": the next page of the same list. */
  more: boolean;
  /** The language the message is written in; undefined when it shows none ("Girne 2+1"). */
  language?: Language;
  /** The message gave a phone number: it was left out of every fact, never stored. */
  phone: boolean;
}

/** Common words that are a single typo away from nothing we know, but look long enough to try. */
const EVERYDAY_WORDS = [
  'about',
  'looking',
  'would',
  'could',
  'should',
  'please',
  'there',
  'their',
  'where',
  'which',
  'something',
  'place',
  'places',
  'somewhere',
  'north',
  'cyprus',
  'northern',
  'property',
  'properties',
  'family',
  'close',
  'near',
  'nearby',
  'centre',
  'center',
  'town',
  'village',
  'quiet',
  'modern',
  'large',
  'small',
  'cheap',
  'cheapest',
  'affordable',
  'budget',
  'bedroom',
  'bedrooms',
  'under',
  'below',
  'between',
  'maximum',
  'minimum',
  'around',
  'people',
  'thanks',
  'hello',
  'what',
  'about',
  'instead',
  'rather',
  'other',
  'lapse',
  'laptop',
  'girls',
  'gone',
  'magic',
  'marina',
  'harbour',
  'harbor',
  'castle',
  'mountain',
  'mountains',
  'university',
  'school',
  'schools',
  'shops',
  'restaurants',
  'airport',
  'ercan',
  'students',
  'student',
  'retired',
  'couple',
  'available',
  'immediately',
  'today',
  'tomorrow',
  'summer',
  'winter',
];

const KNOWN_WORDS: ReadonlySet<string> = new Set([
  ...KEYWORD_WORDS,
  ...COMMAND_WORDS,
  ...SMALL_TALK_WORDS,
  ...EVERYDAY_WORDS,
  ...RELATIVE_WORDS,
]);

/** "haftalık 700", "weekly 500", "на неделю 700": a budget per week said before the number. */
const WEEK_WORDS = new Set([
  'weekly',
  'haftalik',
  'haftaligi',
  'haftaligina',
  'haftada',
  'неделю',
  'неделя',
]);

/** "gecelik 40", "gecesi 100", "40 a night": a nightly price said apart from its amount. */
const NIGHT_WORDS = new Set([
  'gecelik',
  'gecesi',
  'geceligi',
  'geceye',
  'night',
  'nightly',
  'ночь',
  'сутки',
]);

/**
 * The period of a budget said apart from its amount: the week or night word nearer the
 * amount wins, so "1 haftalığına stüdyo, gecelik 40 pound" is a stay of a week at a
 * nightly price, not a weekly budget.
 */
function periodApart(
  terms: readonly { text: string }[],
  at: number | undefined,
): Period | undefined {
  let week = Infinity;
  let night = Infinity;
  terms.forEach((t, i) => {
    const distance = Math.abs(i - (at ?? i));
    if (WEEK_WORDS.has(t.text)) week = Math.min(week, distance);
    else if (NIGHT_WORDS.has(t.text)) night = Math.min(night, distance);
  });
  if (week === Infinity && night === Infinity) return undefined;
  return week < night ? 'week' : 'night';
}

const CHEAP_WORDS = new Set([
  'cheap',
  'cheapest',
  'cheaper',
  'affordable',
  'inexpensive',
  'lowest',
  'ucuz',
  'uygun',
  'дешево',
  'дешевыи',
  'дешевая',
  'недорого',
  'недорогая',
  'недорогои',
  'бюджетныи',
  'бюджетная',
]);

/** Reads one message. Pure and fast: no I/O, linear in the message length. */
export function understand(message: string): Understanding {
  // Contact details are not search facts: "my phone is 555-1234" is no budget.
  const phone = removePhoneNumbers(message);
  const text = phone.text;
  const scan = createScan(tokenize(fromLatinRussian(text) ?? text));
  // Order matters: places and bedroom counts claim their words before the number and
  // keyword parsers see them ("long beach" is a place, "3 bed" is not a price).
  const location = findLocation(scan, KNOWN_WORDS);
  const bedrooms = findBedrooms(scan);
  const budget = findBudget(scan);
  const apart = budget?.period === undefined ? periodApart(scan.terms, budget?.at) : undefined;
  if (budget !== undefined && apart !== undefined) budget.period = apart;
  const drops = findDrops(scan);
  const reset = findReset(scan, drops.size > 0);
  const rentType = findRentType(scan, budget?.period);
  const propertyType =
    findPropertyType(scan) ??
    (bedrooms?.studio ? 'studio' : bedrooms?.flat ? 'apartment' : undefined);
  const features = findFeatures(scan);
  const relative = findRelative(scan);
  const signals = findIntentSignals(createScan(scan.terms));
  const shownListing = shownListingNamed(scan.terms);

  const facts: SearchFacts = {};
  if (location.wanted !== undefined) facts.location = location.wanted;
  if (rentType !== undefined) facts.rentType = rentType;
  if (propertyType !== undefined) facts.propertyType = propertyType;
  if (bedrooms?.min !== undefined) facts.minBedrooms = bedrooms.min;
  if (bedrooms?.max !== undefined) facts.maxBedrooms = bedrooms.max;
  // A weekly budget becomes a nightly one: holiday lets are priced by the night.
  const perNight = (n: number) => (budget?.period === 'week' ? Math.round((n / 7) * 100) / 100 : n);
  if (budget?.min !== undefined) facts.minPrice = perNight(budget.min);
  if (budget?.max !== undefined) facts.maxPrice = perNight(budget.max);
  if (features.wanted.length > 0) facts.features = sortFeatures(features.wanted);

  const understood: Understanding = {
    facts,
    drops: [...drops],
    removedFeatures: sortFeatures(features.unwanted),
    refusedFeatures: sortFeatures(features.refused),
    excludedLocations: location.excluded,
    relative,
    signals,
    reset,
    cheap: scan.terms.some((t) => CHEAP_WORDS.has(t.text)) || sortsByPrice(createScan(scan.terms)),
    more: asksForMore(createScan(scan.terms)),
    phone: phone.found,
  };
  if (location.unwanted !== undefined) understood.unwantedLocation = location.unwanted;
  if (budget?.bare !== undefined) understood.bareAmounts = budget.bare;
  if (budget?.period === 'week') {
    understood.weekly = {};
    if (budget.min !== undefined) understood.weekly.min = budget.min;
    if (budget.max !== undefined) understood.weekly.max = budget.max;
  }
  if (budget === undefined) {
    const period = findPeriodAlone(createScan(scan.terms));
    if (period !== undefined) understood.period = period;
  }
  const currency = budget === undefined ? undefined : currencyOf(scan);
  if (currency !== undefined) understood.currency = currency;
  if (shownListing !== undefined) understood.shownListing = shownListing;
  if (namesAlertedListing(scan.terms)) understood.alertedListing = true;
  const otherTypes = otherTypesOffered(scan, propertyType);
  if (location.alternatives.length > 0 || otherTypes.length > 0)
    understood.offered = { places: location.alternatives, types: otherTypes };
  const language = detectLanguage(message);
  if (language !== undefined) understood.language = language;
  // "hi, can I talk to someone", "get a human to help me": small talk words inside an ask
  // or a question are not the point of the message.
  // A number left alone ("hi, my number is ...") is not small talk either.
  if (saysNothing(understood) && !asksSomething(signals) && !phone.found) {
    const smallTalk = findSmallTalk(scan);
    if (smallTalk !== undefined) understood.smallTalk = smallTalk;
  }
  return understood;
}

function asksSomething(signals: IntentSignals): boolean {
  return (
    signals.asks.length > 0 ||
    signals.topic !== undefined ||
    signals.elsewhere !== undefined ||
    signals.offTopic
  );
}

/** Features in the order validators lists them, so equal sets compare equal. */
export function sortFeatures(features: readonly Feature[]): Feature[] {
  return FEATURES.filter((f) => features.includes(f));
}

/** True when the message neither states, drops nor resets anything. */
export function saysNothing(u: Understanding): boolean {
  return (
    Object.keys(u.facts).length === 0 &&
    u.drops.length === 0 &&
    u.removedFeatures.length === 0 &&
    u.unwantedLocation === undefined &&
    u.relative.length === 0 &&
    !u.reset
  );
}

/**
 * The first currency other than pounds written in the message, if any. A currency refused
 * ("£ not TL", "TL değil sterlin", "не в лирах, а в фунтах") is a correction away from it,
 * never the currency of the amount.
 */
function currencyOf(scan: { terms: readonly { text: string }[] }): BudgetCurrency | undefined {
  const { terms } = scan;
  for (let i = 0; i < terms.length; i++) {
    const currency = currencyOfWord(terms[i]!.text);
    if (currency === undefined || currency === 'GBP') continue;
    const refused =
      CURRENCY_REFUSED_BEFORE.has(terms[i - 1]?.text ?? '') ||
      (terms[i - 1]?.text === 'в' && CURRENCY_REFUSED_BEFORE.has(terms[i - 2]?.text ?? '')) ||
      CURRENCY_REFUSED_AFTER.has(terms[i + 1]?.text ?? '');
    if (!refused) return currency;
  }
  return undefined;
}
const CURRENCY_REFUSED_BEFORE = new Set(['not', 'no', 'не', 'нет']);
/** Turkish says it after the word: "TL değil", "TL olmasın". */
const CURRENCY_REFUSED_AFTER = new Set(['degil', 'olmasin']);
