import {
  type Feature,
  findTown,
  foldText,
  type Listing,
  type PropertyType,
  type SearchFacts,
} from '@parley/validators';
import { formatCount, formatMoney, kindRange, listingPrice } from './money';
import type { Change, Loosened, Question, Texts } from './types';

const PLURAL: Record<PropertyType, string> = {
  apartment: 'apartments',
  villa: 'villas',
  house: 'houses',
  studio: 'studios',
  penthouse: 'penthouses',
  bungalow: 'bungalows',
};
const RENT = {
  long_term: 'to rent long-term',
  short_term: 'for holiday stays',
  sale: 'for sale',
} as const;
const PERIOD = { long_term: ' a month', short_term: ' a night', sale: '' } as const;
/** Features that read as "with a pool"; the rest get their own words. */
const WITH: Partial<Record<Feature, string>> = {
  sea_view: 'a sea view',
  pool: 'a pool',
  garden: 'a garden',
  parking: 'parking',
  gym: 'a gym',
  air_conditioning: 'air conditioning',
  balcony: 'a balcony',
};
const OWN: Partial<Record<Feature, string>> = {
  beach: 'near the beach',
  furnished: 'furnished',
  pet_friendly: 'pets allowed',
};
/** A feature refused, as the person would have said it: "no pool", "unfurnished". */
const REFUSED: Record<Feature, string> = {
  beach: 'not near the beach',
  sea_view: 'no sea view',
  pool: 'no pool',
  garden: 'no garden',
  furnished: 'unfurnished',
  parking: 'no parking',
  pet_friendly: 'no pets',
  gym: 'no gym',
  air_conditioning: 'no air conditioning',
  balcony: 'no balcony',
};
/** The popular towns by the names English speakers use. */
const ENGLISH_NAME: Readonly<Record<string, string>> = {
  Girne: 'Kyrenia',
  Gazimağusa: 'Famagusta',
  Lefkoşa: 'Nicosia',
  İskele: 'Iskele',
};
export const FEATURE_EN: Record<Feature, string> = {
  beach: 'near the beach',
  sea_view: 'sea view',
  pool: 'pool',
  garden: 'garden',
  furnished: 'furnished',
  parking: 'parking',
  pet_friendly: 'pets allowed',
  gym: 'gym',
  air_conditioning: 'air conditioning',
  balcony: 'balcony',
};

const money = (n: number) => formatMoney(n, 'GBP', 'en');

/** "a, b and c". */
export function listWords(words: readonly string[], and = 'and'): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} ${and} ${words[words.length - 1]}`;
}

/** "Girne (Kyrenia)": the name on listings, with the English one people search for. */
export function placeName(location: string): string {
  const town = findTown(location);
  if (town === undefined) return location;
  const english = town.aliases.find((a) => foldText(a) !== foldText(town.name));
  return english === undefined ? town.name : `${town.name} (${english})`;
}

const rooms = (k: number) => `${k} ${k === 1 ? 'bedroom' : 'bedrooms'}`;

export function bedroomsEn(facts: SearchFacts): string | undefined {
  const { minBedrooms: min, maxBedrooms: max } = facts;
  if (min !== undefined && max !== undefined)
    return min === max ? rooms(min) : `${min} to ${max} bedrooms`;
  if (min !== undefined) return `at least ${rooms(min)}`;
  if (max !== undefined) return `at most ${rooms(max)}`;
  return undefined;
}

export function priceEn(facts: SearchFacts): string | undefined {
  const period = facts.rentType === undefined ? '' : PERIOD[facts.rentType];
  const { minPrice: min, maxPrice: max } = facts;
  if (min !== undefined && max !== undefined) return `${money(min)} to ${money(max)}${period}`;
  if (max !== undefined) return `up to ${money(max)}${period}`;
  if (min !== undefined) return `from ${money(min)}${period}`;
  return undefined;
}

function features(list: readonly Feature[] | undefined): string[] {
  if (list === undefined) return [];
  const withWords = list.flatMap((f) => WITH[f] ?? []);
  const own = list.flatMap((f) => OWN[f] ?? []);
  return [...(withWords.length > 0 ? [`with ${listWords(withWords)}`] : []), ...own];
}

function search(facts: SearchFacts): string {
  const head = [facts.propertyType === undefined ? 'listings' : PLURAL[facts.propertyType]];
  if (facts.rentType !== undefined) head.push(RENT[facts.rentType]);
  if (facts.location !== undefined) head.push(`in ${placeName(facts.location)}`);
  if (facts.excludeLocations?.length)
    head.push(`outside ${listWords(facts.excludeLocations, 'and')}`);
  if (facts.q !== undefined) head.push(`mentioning "${facts.q}"`);
  return [head.join(' '), bedroomsEn(facts), priceEn(facts), ...features(facts.features)]
    .filter((p) => p !== undefined)
    .join(', ');
}

const matches = (n: number) => `${formatCount(n, 'en')} ${n === 1 ? 'match' : 'matches'}`;
const listings = (n: number) => `${formatCount(n, 'en')} ${n === 1 ? 'listing' : 'listings'}`;

function change(c: Change): string {
  switch (c.kind) {
    case 'location':
      if (c.to === undefined) return 'any area';
      return c.from === undefined
        ? `in ${placeName(c.to)}`
        : `in ${placeName(c.to)} instead of ${c.from}`;
    case 'exclude':
      return `not in ${listWords(c.places, 'or')}`;
    case 'rentType':
      return c.to === undefined ? 'renting or buying' : RENT[c.to];
    case 'propertyType':
      return c.to === undefined ? 'any type of property' : PLURAL[c.to];
    case 'bedrooms':
      return bedroomsEn(c.facts) ?? 'any number of bedrooms';
    case 'price':
      return priceEn(c.facts) ?? 'no budget';
    case 'featuresAdded':
      return features(c.features).join(', ');
    case 'featuresRemoved':
      return `${listWords(c.features.map((f) => FEATURE_EN[f]))} no longer required`;
  }
}

function loosened(l: Loosened): string {
  switch (l.kind) {
    case 'q':
      return `drop the words "${l.q}"`;
    case 'features': {
      const names = l.features.map((f) => FEATURE_EN[f]);
      return `drop the ${listWords(names)} ${names.length === 1 ? 'requirement' : 'requirements'}`;
    }
    case 'budget':
      return 'ignore the budget';
    case 'bedrooms':
      return 'ignore the number of bedrooms';
    case 'type':
      return 'include other property types';
    case 'district':
      return `widen the search to the whole ${l.district} district`;
    case 'anywhere':
      return 'search every area';
    case 'keepOnly':
      return `look only for ${search(l.kept)}`;
    case 'all':
      return l.keepRent ? 'keep only the rent type' : 'drop every filter';
  }
}

const QUESTIONS: Record<Question, string[]> = {
  rentType: [
    'Are you looking to rent long-term, stay for a holiday, or buy?',
    'Is this to rent, for a holiday, or to buy?',
  ],
  location: ['Which area do you prefer?', 'Any area in mind?'],
  budget: ["What's your budget?", 'How much would you like to spend?'],
  bedrooms: ['How many bedrooms do you need?', 'How many bedrooms?'],
  features: [
    'Want me to narrow it down, for example with a pool, sea view or parking?',
    'Anything else that matters, such as a pool or a garden?',
  ],
};

/** A price as the listing cards show it: "£850/month", "£1,154,000". */
const enPrice = (l: Pick<Listing, 'price' | 'currency' | 'pricePeriod'>) =>
  listingPrice(l, 'en', { month: (p) => `${p}/month`, night: (p) => `${p}/night` });

/** What a listing's card does not say, a person can: the way to ask one. */
const SHOWN_AGENT = 'An agent can confirm the details: just say "talk to an agent".';

export const en: Texts = {
  language: 'en',
  search,
  listing(listing) {
    const place = listing.location;
    const size = listing.bedrooms === 0 ? 'studio' : rooms(listing.bedrooms);
    const price = listingPrice(listing, 'en', {
      month: (p) => `${p}/month`,
      night: (p) => `${p}/night`,
    });
    return `${listing.title.replace(/\s+/g, ' ').trim()} — ${place}, ${size}, ${price}`;
  },
  found(total, facts, shown, order) {
    const head = `I found ${matches(total)} for ${search(facts)}.`;
    if (total <= shown) return head;
    const which =
      order === 'cheapest' ? 'cheapest' : order === 'priciest' ? 'most expensive' : 'top';
    return `${head} Here are the ${which} ${shown}:`;
  },
  more: (from, to, total) =>
    from === to ? `Here is number ${from} of ${total}:` : `Here are ${from} to ${to} of ${total}:`,
  listChanged: () =>
    "The results have changed since my last list, so I can't carry on from where it stopped: these are the first results of your search as it is now.",
  allShown: (total) =>
    `That's all of them: I've shown you all ${matches(total)}. Tell me what to change to see others.`,
  everything: (total) =>
    total === 1
      ? 'There is 1 listing right now. Here it is:'
      : `There are ${listings(total)} right now. Here are a few to start with:`,
  noneFor: (asked) => `I couldn't find any ${search(asked)}.`,
  relaxed(l, total, shown) {
    const there = total === 1 ? 'there is 1 listing' : `there are ${listings(total)}`;
    const here =
      shown === 1
        ? 'Here it is'
        : shown === total
          ? 'Here they are'
          : `Here are the first ${shown}`;
    return `If I ${loosened(l)}, ${there}. ${here}:`;
  },
  relaxedNote: (filters) =>
    `These are shown with ${filters === 1 ? 'that filter' : 'those filters'} relaxed; your request is unchanged. Tell me if you want to keep it that way or change something else.`,
  nothingAtAll: (asked) => [
    `I couldn't find any ${search(asked)}, and relaxing the features, budget, bedrooms, property type or area did not help either.`,
    asked.rentType === undefined
      ? 'Try a different search, or say "start over".'
      : 'Try another rent type (long-term, holiday or buying), or say "start over".',
  ],
  noListings: () => 'There are no listings available right now. Please check back soon.',
  greeting(memory, again) {
    if (again) {
      return Object.keys(memory).length > 0
        ? [`Hello again! So far you've asked for ${search(memory)}. What would you like to change?`]
        : ['Hello again! What are you looking for?'];
    }
    const lines = [
      "Hi! I'm Parley, your property assistant for North Cyprus.",
      'Tell me what you are looking for, for example "2-bedroom flat to rent in Kyrenia under £900 a month" or "villa with a pool in Esentepe to buy".',
    ];
    if (Object.keys(memory).length > 0) lines.push(`So far you've asked for ${search(memory)}.`);
    return lines;
  },
  thanks: () => "You're welcome! Tell me if you'd like to change anything.",
  reset: () => 'Okay, I have cleared everything. What are you looking for?',
  nothingNew: () =>
    "I didn't catch anything new there, so here is what matches what you asked for so far.",
  staleBudget: () => 'I dropped your earlier budget, since prices work differently for that.',
  changes: (list) => `Updated: ${list.map(change).join('; ')}.`,
  reading(reading, amount) {
    if (reading === 'sale') return `I took ${money(amount)} as a purchase price.`;
    const other = reading === 'month' ? 'per night' : 'per month';
    return `I took ${money(amount)} as ${reading === 'month' ? 'a monthly rent' : 'a nightly rate'}; say "${other}" if you meant otherwise.`;
  },
  converted: (amount, currency, pounds) =>
    `Listings are priced in pounds, so I read ${formatMoney(amount, currency, 'en')} as about ${money(pounds)}.`,
  weekly: (week, night) => `${money(week)} a week is about ${money(night)} a night.`,
  thousands: (amounts, currency) =>
    `I read ${amounts.map((n) => formatCount(n, 'en')).join(' to ')} as ${amounts.map((n) => formatMoney(n * 1_000, currency, 'en')).join(' to ')}, since this is a purchase.`,
  unfiltered: (list) =>
    `I can only search for what a home has, not for what it lacks, so I couldn't apply ${listWords(
      list.map((f) => `"${REFUSED[f]}"`),
    )}.`,
  // Each kind its own verb and noun: "there is also 1 listing for holiday stays and there
  // are 3 listings for sale", never "there are also 1 for holiday stays".
  oneKind: (shown, others) =>
    `I've listed only the ones ${RENT[shown]}, so monthly, nightly and sale prices don't mix; ${listWords(
      others.map(
        (k, i) =>
          `there ${k.total === 1 ? 'is' : 'are'}${i === 0 ? ' also' : ''} ${listings(k.total)} ${RENT[k.rentType]}`,
      ),
    )}.`,
  priceRanges: (kinds) =>
    `Prices: ${kinds.map((k) => `${RENT[k.rentType]} ${kindRange(k, enPrice, 'from', 'to')} (${listings(k.total)})`).join('; ')}.`,
  sortedByPrice: (order) =>
    order === 'cheapest' ? 'Cheapest first:' : 'Starting with the most expensive:',
  phoneKept: () =>
    'I left your phone number out of the search. If you would like an agent to call you, just say "call me".',
  offered: (places, types) =>
    `I search one place and one kind of home at a time, so I used the first you named; say ${listWords(
      [...places.map((p) => ENGLISH_NAME[p] ?? p), ...types.map((t) => PLURAL[t])].map(
        (w) => `"${w}"`,
      ),
      'or',
    )} to see those instead.`,
  newSearch: (dropped) =>
    `That is a new search, so I did not carry over ${listWords(
      [
        bedroomsEn(dropped),
        ...(dropped.features ?? []).map((f) => WITH[f] ?? OWN[f] ?? FEATURE_EN[f]),
      ].filter((w) => w !== undefined),
    )} from the previous one.`,
  cheaperThan: (lowest) =>
    `Looking for something cheaper than ${enPrice(lowest)}, the lowest price I showed you.`,
  nothingCheaper: (lowest, asked) =>
    `There is nothing cheaper than ${enPrice(lowest)} for ${search(asked)}: that was the lowest price.`,
  nothingCheaperAnywhere: () =>
    'Relaxing the features, bedrooms, property type or area does not find anything cheaper either. You could try another rent type, or say "start over".',
  phoneHandoff: () => 'They will see the number you left and can call you on it.',
  needsBedrooms: () =>
    'How many bedrooms would you like? Then I can look for something bigger or smaller.',
  question(q, variant, places) {
    const question = QUESTIONS[q][variant % QUESTIONS[q].length]!;
    if (q !== 'location' || variant % QUESTIONS[q].length !== 0 || !places?.length) return question;
    const names = places.map((town) => ENGLISH_NAME[town] ?? town);
    return `${question} ${listWords(names)} ${names.length === 1 ? 'is' : 'are'} popular.`;
  },
  human: () =>
    "I'll ask one of our agents to take over this conversation. They will see what you've asked for so far and reply here.",
  viewing: () =>
    "I'll pass this to one of our agents to arrange a viewing; they will reply here to agree a time.",
  handoffNext: (online) =>
    online
      ? "An agent is online right now and will join here shortly; you'll see when they do. Meanwhile I can keep looking for you."
      : "No agent is online right now. Your request is waiting in their inbox and the first one in will reply here; you'll see when they join. Meanwhile I can keep looking for you.",
  queued: (online) =>
    [
      "You're in the queue: an agent will reply here as soon as one is free.",
      online === undefined
        ? ''
        : online
          ? ' An agent is online right now.'
          : ' No agent is online right now, so it may take a little longer.',
      ' Meanwhile I can keep looking for you.',
    ].join(''),
  notify: (facts) =>
    Object.keys(facts).length > 0
      ? `I'll save this search (${search(facts)}) and let you know when a new listing matches or a price drops.`
      : "Tell me what you're looking for first, and I'll let you know when something new matches.",
  notifyNeedsAccount: () =>
    "Sign in or create an account, and I'll save this search and let you know when a new listing matches or a price drops. As a guest I can keep looking for you here.",
  notifyLimit: () =>
    "I couldn't save this search: you already keep the maximum number of saved searches. Delete one on the Saved searches page and ask me again; meanwhile I can keep looking for you here.",
  shownHas: (n, listing, has, lacks) => [
    ...(has.length > 0
      ? [`Listing ${n} (${listing.title}) lists: ${has.map((f) => FEATURE_EN[f]).join(', ')}.`]
      : []),
    ...(lacks.length > 0
      ? [
          `Listing ${n}${has.length > 0 ? '' : ` (${listing.title})`} does not list: ${lacks.map((f) => FEATURE_EN[f]).join(', ')}.`,
        ]
      : []),
    SHOWN_AGENT,
  ],
  alerted(listing) {
    return [
      `The new listing from your alert: ${this.listing(listing)}.`,
      listing.features.length > 0
        ? `It lists ${listWords(listing.features.map((f) => FEATURE_EN[f]))}.`
        : 'It lists no features.',
      SHOWN_AGENT,
    ];
  },
  alertedUnknown: () => [
    'I can\'t tell which new listing you mean: I don\'t see it among the alerts in this chat. Your Alerts page lists every new match, or just say "talk to an agent".',
  ],
  shownDetails(n, listing) {
    return [
      `Listing ${n}: ${this.listing(listing)}.`,
      listing.features.length > 0
        ? `It lists ${listWords(listing.features.map((f) => FEATURE_EN[f]))}.`
        : 'It lists no features.',
      SHOWN_AGENT,
    ];
  },
  answer(topic) {
    switch (topic) {
      case 'listing':
        return [
          'I can no longer tell which listing you mean. Tell me what you are looking for and I will list the matches again; an agent can answer questions about a particular home: just say "talk to an agent".',
        ];
      case 'buying':
        return [
          'Yes, foreigners can buy property in North Cyprus. A purchase needs permission from the Council of Ministers (usually a formality that takes some months), and you can live in the property while it is processed.',
          'A local lawyer should check the title deed and the contract before you pay a deposit. I can show you listings for sale whenever you like.',
        ];
      case 'title_deeds':
        return [
          'North Cyprus has a few kinds of title deed: Turkish (pre-1974) title, exchange title, and allocation (TMD) title. Lenders and buyers value them differently.',
          'Always have a lawyer check the deed of the exact property. I can show you listings for sale meanwhile.',
        ];
      case 'residency':
        return [
          'People who own or rent a home in North Cyprus can apply for a residence permit at the immigration office; you need a rental contract or title, health checks and proof of income.',
          'The rules change from time to time, so check with the authorities or a lawyer. I can help you find a home to rent or buy.',
        ];
      case 'prices':
        return [
          'Prices depend a lot on the area and the type. Tell me what you are looking for and I will show you the cheapest matching listings first.',
        ];
    }
  },
  offTopic: () =>
    "I can only help with property in North Cyprus, so I can't answer that. Tell me what kind of home you're looking for.",
  elsewhere: (place) =>
    `I only have listings in North Cyprus, not in ${place}. Would you like to see something in Kyrenia, Famagusta, Nicosia or Iskele instead?`,
};
