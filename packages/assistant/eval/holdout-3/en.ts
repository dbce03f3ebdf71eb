import type { EvalCase } from '../types';

const s = 'search';
const r = 'refine';
const G = 'Girne';
const F = 'Gazimağusa';
const L = 'Lefkoşa';
const I = 'İskele';
const Z = 'Güzelyurt';

/**
 * Third held-out set (English), written 2026-12-04 blind: from docs/assistant.md, the
 * `searchFacts` contract, the towns in @parley/validators and the sets' format only, without
 * reading the rules' code, their tests or the other sets' messages; committed before its
 * first run. Typed as people type to a property chat in North Cyprus.
 *
 * Conventions (docs/assistant.md): a village with no town of its own is expected as its
 * district; other currencies in pounds at EUR 0.86, USD 0.79, TRY 0.02; a weekly holiday
 * budget as a nightly one (÷ 7); "2+1" is two bedrooms; "cheaper" is the budget × 0.8,
 * "more expensive" × 1.25; a question, a person, a viewing, off-topic or a place outside
 * North Cyprus changes no filter.
 */
export const EN_HOLDOUT_3: EvalCase[] = [
  {
    message: 'hi, need a 2+1 in kyrenia to rent long term, around 700 a month',
    facts: { location: G, rentType: 'long_term', minBedrooms: 2, maxBedrooms: 2, maxPrice: 700 },
    intent: s,
  },
  {
    message: 'villa with private pool in bellapais for sale max 450k',
    facts: {
      location: 'Bellapais',
      rentType: 'sale',
      propertyType: 'villa',
      maxPrice: 450000,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: 'any cheap studios near EMU for students? monthly',
    facts: { location: F, rentType: 'long_term', propertyType: 'studio' },
    intent: s,
  },
  {
    message: 'apartmant in famagusta 1 bedroom, long term rent under 400 pounds',
    facts: {
      location: F,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
      maxPrice: 400,
    },
    intent: s,
  },
  {
    message: 'we want to buy a 3+1 penthouse in iskele with sea view',
    facts: {
      location: I,
      rentType: 'sale',
      propertyType: 'penthouse',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['sea_view'],
    },
    intent: s,
  },
  {
    message: 'holiday rental in long beach for a week in july, 2 bedrooms, pool pls',
    facts: {
      location: I,
      rentType: 'short_term',
      minBedrooms: 2,
      maxBedrooms: 2,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: 'Looking for a bungalow in Catalkoy with a garden, to buy',
    facts: { location: G, rentType: 'sale', propertyType: 'bungalow', features: ['garden'] },
    intent: s,
  },
  {
    message: 'nicosia flat long-term, furnished, max £550',
    facts: {
      location: L,
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 550,
      features: ['furnished'],
    },
    intent: s,
  },
  {
    message: 'do you have anything in Esentepe near the golf course? 2 bed villa for sale',
    facts: {
      location: 'Esentepe',
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: s,
  },
  {
    message: 'nightly rent in kyrenia harbour, up to 90 a night',
    facts: { location: G, rentType: 'short_term', maxPrice: 90 },
    intent: s,
  },
  {
    message: '3 or 4 bedroom house in lapta, long term, we have 2 dogs',
    facts: {
      location: 'Lapta',
      rentType: 'long_term',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 4,
      features: ['pet_friendly'],
    },
    intent: s,
  },
  {
    message: 'budget 1200 euro per month, villa in alsancak',
    facts: { location: 'Alsancak', rentType: 'long_term', propertyType: 'villa', maxPrice: 1032 },
    intent: s,
  },
  {
    message: 'flat to buy in morphou, under 80k',
    facts: { location: Z, rentType: 'sale', propertyType: 'apartment', maxPrice: 80000 },
    intent: s,
  },
  {
    message: 'I need somewhere in Ozankoy for the winter months, long let, with air con',
    facts: { location: G, rentType: 'long_term', features: ['air_conditioning'] },
    intent: s,
  },
  {
    message: 'short stay apartment trikomo 3 nights, balcony and parking',
    facts: {
      location: I,
      rentType: 'short_term',
      propertyType: 'apartment',
      features: ['balcony', 'parking'],
    },
    intent: s,
  },
  {
    message: 'show me 2-3 bed villas in karsiyaka for sale between 200k and 300k',
    facts: {
      location: 'Karşıyaka',
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 2,
      maxBedrooms: 3,
      minPrice: 200000,
      maxPrice: 300000,
    },
    intent: s,
  },
  {
    message: 'long term rental in Boğaz, 1 bed, gym would be nice',
    facts: {
      location: I,
      rentType: 'long_term',
      minBedrooms: 1,
      maxBedrooms: 1,
      features: ['gym'],
    },
    intent: s,
  },
  {
    message: 'purchase apartment $120,000 max famagusta',
    facts: { location: F, rentType: 'sale', propertyType: 'apartment', maxPrice: 94800 },
    intent: s,
  },
  {
    message: 'looking 4 a house w garden and pool in edremit, buying',
    facts: { location: G, rentType: 'sale', propertyType: 'house', features: ['garden', 'pool'] },
    intent: s,
  },
  {
    message: 'holiday villa bafra 4 bedrooms sea view',
    facts: {
      location: I,
      rentType: 'short_term',
      propertyType: 'villa',
      minBedrooms: 4,
      maxBedrooms: 4,
      features: ['sea_view'],
    },
    intent: s,
  },
  {
    message: 'is there any 3+ bedroom apartments in girne to rent yearly',
    facts: { location: G, rentType: 'long_term', propertyType: 'apartment', minBedrooms: 3 },
    intent: s,
  },
  {
    message: 'rent per month 500-650, lefkosa, 2 bed',
    facts: {
      location: L,
      rentType: 'long_term',
      minBedrooms: 2,
      maxBedrooms: 2,
      minPrice: 500,
      maxPrice: 650,
    },
    intent: s,
  },
  {
    message: 'beachfront villa for holidays, kyrenia area, no more than 250/night',
    facts: {
      location: G,
      rentType: 'short_term',
      propertyType: 'villa',
      maxPrice: 250,
      features: ['beach'],
    },
    intent: s,
  },
  {
    message: 'i want buy house gonyeli 3 bed',
    facts: { location: L, rentType: 'sale', propertyType: 'house', minBedrooms: 3, maxBedrooms: 3 },
    intent: s,
  },
  {
    message: 'pet friendly flat to rent in famagsta, I have a cat',
    facts: {
      location: F,
      rentType: 'long_term',
      propertyType: 'apartment',
      features: ['pet_friendly'],
    },
    intent: s,
  },
  {
    message: 'penthouse kyrenia sale, sea views, roof terrace, budget £350k',
    facts: {
      location: G,
      rentType: 'sale',
      propertyType: 'penthouse',
      maxPrice: 350000,
      features: ['sea_view'],
    },
    intent: s,
  },
  {
    message: 'weekly budget 560 for a holiday apartment in iskele',
    facts: { location: I, rentType: 'short_term', propertyType: 'apartment', maxPrice: 80 },
    intent: s,
  },
  {
    message: 'two bedroom flat long term in Yeni Bogazici, unfurnished is fine, up to 450',
    facts: {
      location: F,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 450,
    },
    intent: s,
  },
  {
    message: 'anything to buy except in famagusta? 2 bed apartment',
    facts: {
      excludeLocations: [F],
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: s,
  },
  {
    message: 'long term rent, not nicosia, 1+1 with parking',
    facts: {
      excludeLocations: [L],
      rentType: 'long_term',
      minBedrooms: 1,
      maxBedrooms: 1,
      features: ['parking'],
    },
    intent: s,
  },
  {
    message: 'Hamitköy house for rent, 3 bedroom, garden',
    facts: {
      location: L,
      rentType: 'long_term',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['garden'],
    },
    intent: s,
  },
  {
    message: 'sale villas in Tatlisu with sea view and pool',
    facts: { location: F, rentType: 'sale', propertyType: 'villa', features: ['sea_view', 'pool'] },
    intent: s,
  },
  {
    message: 'monthly rental kyrenia 2 bed, 15000 TL max',
    facts: { location: G, rentType: 'long_term', minBedrooms: 2, maxBedrooms: 2, maxPrice: 300 },
    intent: s,
  },
  {
    message: 'cheaper',
    memory: { location: G, rentType: 'long_term', minBedrooms: 2, maxBedrooms: 2, maxPrice: 800 },
    facts: { location: G, rentType: 'long_term', minBedrooms: 2, maxBedrooms: 2, maxPrice: 640 },
    intent: r,
  },
  {
    message: 'hmm a bit more expensive is ok',
    memory: { location: I, rentType: 'short_term', maxPrice: 80 },
    facts: { location: I, rentType: 'short_term', maxPrice: 100 },
    intent: r,
  },
  {
    message: 'same but in lapta',
    memory: { location: 'Alsancak', rentType: 'sale', propertyType: 'villa', maxPrice: 300000 },
    facts: { location: 'Lapta', rentType: 'sale', propertyType: 'villa', maxPrice: 300000 },
    intent: r,
  },
  {
    message: 'actually not famagusta',
    memory: { location: F, rentType: 'long_term', propertyType: 'apartment' },
    facts: { excludeLocations: [F], rentType: 'long_term', propertyType: 'apartment' },
    intent: r,
  },
  {
    message: 'what about villas instead',
    memory: {
      location: 'Esentepe',
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    facts: {
      location: 'Esentepe',
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: r,
  },
  {
    message: 'drop the pool requirement',
    memory: { location: G, rentType: 'long_term', features: ['pool', 'garden'] },
    facts: { location: G, rentType: 'long_term', features: ['garden'] },
    intent: r,
  },
  {
    message: 'closer to the sea please',
    memory: { location: I, rentType: 'short_term', propertyType: 'apartment' },
    facts: { location: I, rentType: 'short_term', propertyType: 'apartment', features: ['beach'] },
    intent: r,
  },
  {
    message: 'can it have a gym too',
    memory: { location: F, rentType: 'long_term', minBedrooms: 1, maxBedrooms: 1 },
    facts: {
      location: F,
      rentType: 'long_term',
      minBedrooms: 1,
      maxBedrooms: 1,
      features: ['gym'],
    },
    intent: r,
  },
  {
    message: 'make it max 600',
    memory: { location: L, rentType: 'long_term', maxPrice: 800 },
    facts: { location: L, rentType: 'long_term', maxPrice: 600 },
    intent: r,
  },
  {
    message: 'try karsiyaka instead',
    memory: { location: 'Lapta', rentType: 'long_term', propertyType: 'house' },
    facts: { location: 'Karşıyaka', rentType: 'long_term', propertyType: 'house' },
    intent: r,
  },
  {
    message: 'start again pls',
    memory: { location: G, rentType: 'sale', maxPrice: 200000 },
    facts: {},
    intent: 'reset',
  },
  {
    message: 'furnished only',
    memory: { location: I, rentType: 'long_term', propertyType: 'apartment' },
    facts: {
      location: I,
      rentType: 'long_term',
      propertyType: 'apartment',
      features: ['furnished'],
    },
    intent: r,
  },
  {
    message: 'show cheaper ones',
    memory: { location: 'Bellapais', rentType: 'sale', propertyType: 'villa', maxPrice: 500000 },
    facts: { location: 'Bellapais', rentType: 'sale', propertyType: 'villa', maxPrice: 400000 },
    intent: r,
  },
  {
    message: 'ok and for short term instead?',
    memory: { location: G, rentType: 'long_term', propertyType: 'villa' },
    facts: { location: G, rentType: 'short_term', propertyType: 'villa' },
    intent: r,
  },
  { message: 'can I talk to a real agent please', facts: {}, intent: 'human' },
  {
    message: 'pls connect me with someone from your office',
    memory: { location: G, rentType: 'sale' },
    facts: { location: G, rentType: 'sale' },
    intent: 'human',
  },
  {
    message: "i'd like to view the villa this weekend",
    memory: { location: 'Bellapais', rentType: 'sale', propertyType: 'villa' },
    facts: { location: 'Bellapais', rentType: 'sale', propertyType: 'villa' },
    intent: 'viewing',
  },
  {
    message: 'can someone show me the 2nd flat on friday?',
    memory: { location: F, rentType: 'long_term', propertyType: 'apartment' },
    facts: { location: F, rentType: 'long_term', propertyType: 'apartment' },
    intent: 'viewing',
  },
  { message: 'arrange a viewing for me pls', facts: {}, intent: 'viewing' },
  {
    message: 'let me know if a 2 bed in lapta comes up for rent',
    facts: { location: 'Lapta', rentType: 'long_term', minBedrooms: 2, maxBedrooms: 2 },
    intent: 'notify',
  },
  {
    message: 'notify me when new villas are listed',
    memory: { location: 'Esentepe', rentType: 'sale' },
    facts: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa' },
    intent: 'notify',
  },
  {
    message: 'email me if something cheaper appears',
    memory: { location: L, rentType: 'long_term', maxPrice: 500 },
    facts: { location: L, rentType: 'long_term', maxPrice: 500 },
    intent: 'notify',
  },
  {
    message: 'can a british citizen buy property in north cyprus?',
    facts: {},
    intent: 'question:buying',
  },
  {
    message: 'what is the deal with title deeds here, exchange title vs turkish title?',
    facts: {},
    intent: 'question:title_deeds',
  },
  {
    message: 'if i buy a flat do i get residency permit?',
    facts: {},
    intent: 'question:residency',
  },
  {
    message: 'how much do 2 bed flats usually cost in famagusta',
    facts: { location: F, propertyType: 'apartment', minBedrooms: 2, maxBedrooms: 2 },
    intent: 'question:prices',
  },
  {
    message: 'do i need a permission to purchase (PTP) as a foreigner',
    facts: {},
    intent: 'question:buying',
  },
  {
    message: 'how long does it take to get a temporary residence permit',
    facts: {},
    intent: 'question:residency',
  },
  { message: 'hello there', facts: {}, intent: 'greeting' },
  { message: 'good morning!', facts: {}, intent: 'greeting' },
  {
    message: 'thanks a lot, very helpful',
    memory: { location: G, rentType: 'long_term' },
    facts: { location: G, rentType: 'long_term' },
    intent: 'thanks',
  },
  { message: 'cheers mate', facts: {}, intent: 'thanks' },
  { message: 'whats a good fish restaurant in kyrenia harbour', facts: {}, intent: 'off_topic' },
  { message: 'is the ferry to mersin running tomorrow', facts: {}, intent: 'off_topic' },
  { message: 'can you recommend a car hire at ercan', facts: {}, intent: 'off_topic' },
  { message: 'do you have flats in paphos?', facts: {}, intent: 'outside_area' },
  { message: 'villa in ayia napa for august', facts: {}, intent: 'outside_area' },
  {
    message: 'what about limassol, long term 2 bed',
    memory: { location: G, rentType: 'long_term' },
    facts: { location: G, rentType: 'long_term' },
    intent: 'outside_area',
  },
  { message: 'apartment for rent in larnaca near the airport', facts: {}, intent: 'outside_area' },
  {
    message: 'kiralik 2+1 flat kyrenia, long term, max 10k TL',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 200,
    },
    intent: s,
  },
  {
    message:
      'Hi! Family of 4 relocating to Cyprus (north), need a 3 bed house with garden in Alsanjak, long term, up to 1000 GBP',
    facts: {
      location: 'Alsancak',
      rentType: 'long_term',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
      maxPrice: 1000,
      features: ['garden'],
    },
    intent: s,
  },
  {
    message: 'studio for sale in iskele under 60 grand',
    facts: { location: I, rentType: 'sale', propertyType: 'studio', maxPrice: 60000 },
    intent: s,
  },
];
