import type { EvalCase } from '../types';

const s = 'search';
const r = 'refine';
const G = 'Girne';
const F = 'Gazimağusa';
const L = 'Lefkoşa';
const I = 'İskele';

/**
 * Second held-out set (English), written 2026-12-04 without reading the rules' code, after
 * the first held-out set had been tuned against. Typed as people type to a property chat in
 * North Cyprus: lower case, shorthand, typos, Turkish words and village names.
 *
 * Villages Parley has no town for (Çatalköy, Ozanköy, Edremit, Karaoğlanoğlu, Bafra, Boğaz,
 * Gönyeli, Yeni Boğaziçi) are expected as their district, the nearest place a search can
 * filter on: what a local agent would search. Other currencies are expected in pounds at
 * the rates the existing sets use (EUR 0.86, USD 0.79, TRY 0.02); a weekly holiday budget
 * is expected as a nightly one.
 */
export const EN_HOLDOUT_2: EvalCase[] = [
  {
    message: 'looking for 2 bed flat in kyrenia long term, budget 700',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 700,
    },
    intent: s,
  },
  {
    message: 'villa w/ pool in esentepe for sale upto 350k',
    facts: {
      location: 'Esentepe',
      rentType: 'sale',
      propertyType: 'villa',
      maxPrice: 350_000,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: 'hi, any 2+1 in famagusta? furnished pls',
    facts: { location: F, minBedrooms: 2, maxBedrooms: 2, features: ['furnished'] },
    intent: s,
  },
  {
    message: 'need an apartmnet in Nicosia under £500 pcm',
    facts: { location: L, rentType: 'long_term', propertyType: 'apartment', maxPrice: 500 },
    intent: s,
  },
  {
    message: 'holiday rental long beach 1 week in july, sea view',
    facts: { location: I, rentType: 'short_term', features: ['sea_view'] },
    intent: s,
  },
  {
    message: 'Iskele studio to rent, max 450 a month',
    facts: { location: I, rentType: 'long_term', propertyType: 'studio', maxPrice: 450 },
    intent: s,
  },
  {
    message: 'bungalow lapta long-term with garden',
    facts: {
      location: 'Lapta',
      rentType: 'long_term',
      propertyType: 'bungalow',
      features: ['garden'],
    },
    intent: s,
  },
  {
    message: 'penthouse kyrenia center sea views buy',
    facts: { location: G, rentType: 'sale', propertyType: 'penthouse', features: ['sea_view'] },
    intent: s,
  },
  {
    message: '3 bedroom house in catalkoy for rent, pets allowed',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['pet_friendly'],
    },
    intent: s,
  },
  {
    message: 'Bafra holiday apartment with pool, max 80 a night',
    facts: {
      location: I,
      rentType: 'short_term',
      propertyType: 'apartment',
      maxPrice: 80,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: 'flat in Gazimagusa 1.000 GBP max',
    facts: { location: F, rentType: 'long_term', propertyType: 'apartment', maxPrice: 1000 },
    intent: s,
  },
  {
    message: 'apartment to buy in lefkosa 1+1 around 70k',
    facts: {
      location: L,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
      maxPrice: 70_000,
    },
    intent: s,
  },
  {
    message: 'Looking to buy a villa in Bellapais, budget £450,000',
    facts: { location: 'Bellapais', rentType: 'sale', propertyType: 'villa', maxPrice: 450_000 },
    intent: s,
  },
  {
    message: 'cheap flat karsiyaka long term',
    facts: { location: 'Karşıyaka', rentType: 'long_term', propertyType: 'apartment' },
    intent: s,
  },
  {
    message: 'alsancak 2 bed apartment, furnished, with balcony & AC, max 650/month',
    facts: {
      location: 'Alsancak',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 650,
      features: ['furnished', 'balcony', 'air_conditioning'],
    },
    intent: s,
  },
  {
    message: 'any houses in lapithos for sale between 150k and 200k',
    facts: {
      location: 'Lapta',
      rentType: 'sale',
      propertyType: 'house',
      minPrice: 150_000,
      maxPrice: 200_000,
    },
    intent: s,
  },
  {
    message: 'short term rental in girne for 2 weeks, 2 bedrooms',
    facts: { location: G, rentType: 'short_term', minBedrooms: 2, maxBedrooms: 2 },
    intent: s,
  },
  {
    message: 'i want to rent a studio near EMU in famagusta, €400 max',
    facts: { location: F, rentType: 'long_term', propertyType: 'studio', maxPrice: 344 },
    intent: s,
  },
  {
    message: '3+1 villa trikomo with private pool for sale',
    facts: {
      location: I,
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: 'flats in kyrinia with gym and parking',
    facts: { location: G, propertyType: 'apartment', features: ['gym', 'parking'] },
    intent: s,
  },
  {
    message: 'famagusa 2br apartment long term $600',
    facts: {
      location: F,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 474,
    },
    intent: s,
  },
  {
    message: 'we have a dog, need a house with garden in ozankoy, long let',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'house',
      features: ['pet_friendly', 'garden'],
    },
    intent: s,
  },
  {
    message: 'sea front apartment in iskele to buy, 2 or 3 bedrooms',
    facts: {
      location: I,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 3,
      features: ['beach'],
    },
    intent: s,
  },
  {
    message: 'Nicosia 3 bed house, yearly rent, up to 900 pounds',
    facts: {
      location: L,
      rentType: 'long_term',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
      maxPrice: 900,
    },
    intent: s,
  },
  {
    message: 'Lapta villa for holidays with sea view and pool, 4 bedrooms',
    facts: {
      location: 'Lapta',
      rentType: 'short_term',
      propertyType: 'villa',
      minBedrooms: 4,
      maxBedrooms: 4,
      features: ['sea_view', 'pool'],
    },
    intent: s,
  },
  {
    message: 'rent apartment kyrenia 2 bed max 3k a month',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 3000,
    },
    intent: s,
  },
  {
    message: 'Esentepe 1 bed flat for sale with payment plan',
    facts: {
      location: 'Esentepe',
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
    },
    intent: s,
  },
  {
    message: 'Girne flat for rent, not more than 25k TL monthly',
    facts: { location: G, rentType: 'long_term', propertyType: 'apartment', maxPrice: 500 },
    intent: s,
  },
  {
    message: 'looking for something in Kyrenia area, 3+ bedrooms, to buy',
    facts: { location: G, rentType: 'sale', minBedrooms: 3 },
    intent: s,
  },
  {
    message: '2 bedroom apartment anywhere but famagusta, long term',
    facts: {
      excludeLocations: [F],
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: s,
  },
  {
    message: 'flat to rent not in nicosia, max 600',
    facts: {
      excludeLocations: [L],
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 600,
    },
    intent: s,
  },
  {
    message: 'villa with a swimming pool in Edremit for sale under 400k',
    facts: {
      location: G,
      rentType: 'sale',
      propertyType: 'villa',
      maxPrice: 400_000,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: 'holiday flat longbeach 50 pounds a night',
    facts: { location: I, rentType: 'short_term', propertyType: 'apartment', maxPrice: 50 },
    intent: s,
  },
  {
    message: 'looking for a studio for rent in Iskelle',
    facts: { location: I, rentType: 'long_term', propertyType: 'studio' },
    intent: s,
  },
  {
    message: 'townhouse in alsancak to rent, 3 bed',
    facts: {
      location: 'Alsancak',
      rentType: 'long_term',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    intent: s,
  },
  {
    message: 'apartment for rent in girne with aircon, 2 bdr, £550',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 550,
      features: ['air_conditioning'],
    },
    intent: s,
  },
  {
    message: 'Girne 2 bed apartment to buy walking distance to the beach',
    facts: {
      location: G,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      features: ['beach'],
    },
    intent: s,
  },
  {
    message: 'need a place for 3 nights in famagusta, up to 60 gbp per night',
    facts: { location: F, rentType: 'short_term', maxPrice: 60 },
    intent: s,
  },
  {
    message: 'cheap studio nicosia around 350',
    facts: { location: L, rentType: 'long_term', propertyType: 'studio', maxPrice: 350 },
    intent: s,
  },
  {
    message: 'bungalow in esentepe with garden and sea view, sale, 180k-220k',
    facts: {
      location: 'Esentepe',
      rentType: 'sale',
      propertyType: 'bungalow',
      minPrice: 180_000,
      maxPrice: 220_000,
      features: ['garden', 'sea_view'],
    },
    intent: s,
  },
  {
    message: 'hi im looking for a kiralik flat in girne, 2 bed, max 600',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 600,
    },
    intent: s,
  },
  {
    message: 'villa 4 bed karaoglanoglu £2,500 pcm',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'villa',
      minBedrooms: 4,
      maxBedrooms: 4,
      maxPrice: 2500,
    },
    intent: s,
  },
  {
    message: '2 bed flat in iskele with pool, weekly budget £350',
    facts: {
      location: I,
      rentType: 'short_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 50,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: 'Kyrenia penthouse with gym, pool & parking, up to 1.5k per month',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'penthouse',
      maxPrice: 1500,
      features: ['gym', 'pool', 'parking'],
    },
    intent: s,
  },
  {
    message: '1 bedroom apartment in Boğaz for sale',
    facts: {
      location: I,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
    },
    intent: s,
  },
  {
    message: 'flat in gonyeli for uni students, long term',
    facts: { location: L, rentType: 'long_term', propertyType: 'apartment' },
    intent: s,
  },
  {
    message: 'villla for sale in yeni bogazici up to 250.000 pounds',
    facts: { location: F, rentType: 'sale', propertyType: 'villa', maxPrice: 250_000 },
    intent: s,
  },
  // Follow-ups: the memory is what the conversation already held.
  {
    message: 'cheaper pls',
    memory: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 700,
    },
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 560,
    },
    intent: r,
  },
  {
    message: 'with a pool',
    memory: { location: I, rentType: 'short_term', propertyType: 'apartment' },
    facts: { location: I, rentType: 'short_term', propertyType: 'apartment', features: ['pool'] },
    intent: r,
  },
  {
    message: 'actually lets look in nicosia',
    memory: { location: F, rentType: 'long_term', propertyType: 'apartment', maxPrice: 600 },
    facts: { location: L, rentType: 'long_term', propertyType: 'apartment', maxPrice: 600 },
    intent: r,
  },
  {
    message: 'dont need the pool',
    memory: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa', features: ['pool'] },
    facts: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa' },
    intent: r,
  },
  {
    message: 'what about 3 bedrooms?',
    memory: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    intent: r,
  },
  {
    message: 'budget can go up to 650',
    memory: { location: L, rentType: 'long_term', propertyType: 'apartment', maxPrice: 500 },
    facts: { location: L, rentType: 'long_term', propertyType: 'apartment', maxPrice: 650 },
    intent: r,
  },
  {
    message: 'show me apartments instead',
    memory: { location: G, rentType: 'sale', propertyType: 'villa', maxPrice: 300_000 },
    facts: { location: G, rentType: 'sale', propertyType: 'apartment', maxPrice: 300_000 },
    intent: r,
  },
  {
    message: 'also furnished',
    memory: { location: 'Lapta', rentType: 'long_term', propertyType: 'house' },
    facts: {
      location: 'Lapta',
      rentType: 'long_term',
      propertyType: 'house',
      features: ['furnished'],
    },
    intent: r,
  },
  {
    message: 'not kyrenia, anywhere else',
    memory: { location: G, rentType: 'long_term' },
    facts: { rentType: 'long_term', excludeLocations: [G] },
    intent: r,
  },
  {
    message: 'actually its for a holiday, 2 weeks',
    memory: {
      location: 'Alsancak',
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 800,
    },
    facts: { location: 'Alsancak', rentType: 'short_term', propertyType: 'apartment' },
    intent: r,
  },
  {
    message: 'something bigger',
    memory: {
      location: I,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
    },
    facts: { location: I, rentType: 'sale', propertyType: 'apartment', minBedrooms: 2 },
    intent: r,
  },
  {
    message: 'forget the budget',
    memory: {
      location: F,
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 500,
      features: ['furnished'],
    },
    facts: {
      location: F,
      rentType: 'long_term',
      propertyType: 'apartment',
      features: ['furnished'],
    },
    intent: r,
  },
  {
    message: 'any with sea view?',
    memory: { location: 'Bellapais', rentType: 'sale', propertyType: 'villa' },
    facts: {
      location: 'Bellapais',
      rentType: 'sale',
      propertyType: 'villa',
      features: ['sea_view'],
    },
    intent: r,
  },
  { message: 'start again', memory: { location: G, rentType: 'sale' }, facts: {}, intent: 'reset' },
  // Intents other than a search.
  { message: 'can i speak to a real person pls', facts: {}, intent: 'human' },
  { message: 'is there an agent i can whatsapp?', facts: {}, intent: 'human' },
  {
    message: 'get a human to help me',
    memory: { location: G, rentType: 'long_term' },
    facts: { location: G, rentType: 'long_term' },
    intent: 'human',
  },
  { message: 'can i see the second one tomorrow?', facts: {}, intent: 'viewing' },
  { message: 'id like to book a viewing for saturday', facts: {}, intent: 'viewing' },
  {
    message: 'can we go and see that villa this week',
    memory: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa' },
    facts: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa' },
    intent: 'viewing',
  },
  {
    message: 'let me know when a 3 bed villa in alsancak comes up',
    facts: { location: 'Alsancak', propertyType: 'villa', minBedrooms: 3, maxBedrooms: 3 },
    intent: 'notify',
  },
  {
    message: 'pls notify me if something under 500 in famagusta appears',
    facts: { location: F, rentType: 'long_term', maxPrice: 500 },
    intent: 'notify',
  },
  {
    message: 'ping me when there is something new',
    memory: { location: L, rentType: 'long_term', propertyType: 'apartment' },
    facts: { location: L, rentType: 'long_term', propertyType: 'apartment' },
    intent: 'notify',
  },
  {
    message: 'can a british citizen buy property in north cyprus?',
    facts: {},
    intent: 'question:buying',
  },
  {
    message: 'is the title deed turkish or exchange?',
    facts: {},
    intent: 'question:title_deeds',
  },
  {
    message: 'if i buy an apartment do i get a residence permit?',
    facts: {},
    intent: 'question:residency',
  },
  {
    message: 'how much does a 2+1 in kyrenia cost to buy?',
    facts: { location: G, rentType: 'sale', minBedrooms: 2, maxBedrooms: 2 },
    intent: 'question:prices',
  },
  {
    message: 'whats the average rent in famagusta',
    facts: { location: F, rentType: 'long_term' },
    intent: 'question:prices',
  },
  { message: 'hello', facts: {}, intent: 'greeting' },
  { message: 'good evening!', facts: {}, intent: 'greeting' },
  { message: 'thx a lot', facts: {}, intent: 'thanks' },
  { message: 'great, thanks', facts: {}, intent: 'thanks' },
  { message: 'whats the weather like in kyrenia in march', facts: {}, intent: 'off_topic' },
  { message: 'how do i get from ercan airport to girne?', facts: {}, intent: 'off_topic' },
  {
    message: 'can you recommend a good dentist in nicosia',
    facts: {},
    intent: 'off_topic',
  },
  { message: 'apartment in limassol to rent', facts: {}, intent: 'outside_area' },
  { message: 'villa in paphos with pool', facts: {}, intent: 'outside_area' },
  { message: 'do you have anything in larnaka', facts: {}, intent: 'outside_area' },
  {
    message: 'what about ayia napa?',
    memory: { location: G, rentType: 'sale' },
    facts: { location: G, rentType: 'sale' },
    intent: 'outside_area',
  },
];
