import type { EvalCase } from '../types';

const s = 'search';
const r = 'refine';
const G = 'Girne';
const F = 'Gazimağusa';
const L = 'Lefkoşa';
const I = 'İskele';
const Z = 'Güzelyurt';
const LAP = 'Lapta';
const ESE = 'Esentepe';
const ALS = 'Alsancak';
const BEL = 'Bellapais';
const KAR = 'Karşıyaka';

/**
 * Fourth held-out set (English), written 2026-12-04 blind: from docs/assistant.md, the
 * `searchFacts` contract, the towns in @parley/validators and the sets' format only, without
 * reading the rules' code, their tests or the other sets' messages; committed before its
 * first run. Typed as people type to a property chat in North Cyprus.
 *
 * Conventions (docs/assistant.md): a village with no town of its own is expected as its
 * district (Çatalköy, Edremit, Ozanköy, Karaoğlanoğlu, Doğanköy, Zeytinlik: Girne; Gönyeli,
 * Hamitköy, Kaymaklı: Lefkoşa; Yeni Boğaziçi, Tuzla: Gazimağusa; Bafra, Boğaz, Mehmetçik,
 * Kumyalı, Long Beach: İskele), a landmark as its town (EMU: Gazimağusa, Near East
 * University: Lefkoşa); other currencies in pounds at EUR 0.86, USD 0.79, TRY 0.02; a weekly
 * holiday budget as a nightly one (÷ 7); "cheaper" is the budget × 0.8, "more expensive"
 * × 1.25, "bigger"/"smaller" one bedroom more/fewer; a question, a person, a viewing,
 * off-topic or a place outside North Cyprus changes no filter.
 *
 * Conventions decided here: a bedroom count alone ("2 bed", "2+1") is exact (min = max),
 * "4+"/"at least" sets only the minimum; "2+1" without a property word sets no property
 * type, nor does "holiday home"; a studio sets no bedroom count; "quid", "stg" and an
 * amount with no currency are pounds; a budget on its own is the maximum; "unfurnished",
 * "no pets" add no feature;
 * several villages of one district are that district; a prices question keeps the facts it
 * names (it lists the cheapest matches); a notify keeps the facts in the message; every
 * message with a budget also says the rent type, so no case depends on the period guess.
 */
export const EN_HOLDOUT_4: EvalCase[] = [
  // Plain searches.
  {
    message: 'looking for a 2 bed flat in kyrenia for long term rent, max 750',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 750,
    },
    intent: s,
  },
  {
    message: 'villa with private pool in bellapais to buy, budget up to 450k',
    facts: {
      location: BEL,
      rentType: 'sale',
      propertyType: 'villa',
      maxPrice: 450000,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: 'any studios to rent in famagusta near EMU? student, can pay 350 a month',
    facts: { location: F, rentType: 'long_term', propertyType: 'studio', maxPrice: 350 },
    intent: s,
  },
  {
    message: 'holiday rental in long beach for 2 weeks in august, 3 bedrooms, pool',
    facts: {
      location: I,
      rentType: 'short_term',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: '3+1 house in nicosia with garden and parking, rent',
    facts: {
      location: L,
      rentType: 'long_term',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['garden', 'parking'],
    },
    intent: s,
  },
  {
    message: 'whats available to rent in lapta under 1k pcm',
    facts: { location: LAP, rentType: 'long_term', maxPrice: 1000 },
    intent: s,
  },
  {
    message:
      'Hi there! We are a retired couple from the UK looking to buy a bungalow in Esentepe, sea views essential, £200k max',
    facts: {
      location: ESE,
      rentType: 'sale',
      propertyType: 'bungalow',
      maxPrice: 200000,
      features: ['sea_view'],
    },
    intent: s,
  },
  {
    message: 'apartmant in catalkoy furnished, long term',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      features: ['furnished'],
    },
    intent: s,
  },
  {
    message: 'penthouse for sale in iskele, sea view, €180,000',
    facts: {
      location: I,
      rentType: 'sale',
      propertyType: 'penthouse',
      maxPrice: 154800,
      features: ['sea_view'],
    },
    intent: s,
  },
  {
    message: 'need a cheap 1 bedroom flat in gonyeli for rent, up to 15000 TL',
    facts: {
      location: L,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
      maxPrice: 300,
    },
    intent: s,
  },
  {
    message: 'Do you have any 2-3 bedroom villas in alsancak for sale between 250k and 350k?',
    facts: {
      location: ALS,
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 2,
      maxBedrooms: 3,
      minPrice: 250000,
      maxPrice: 350000,
    },
    intent: s,
  },
  {
    message: 'short let karsiyaka, 4 ppl, 2 bedrooms, under 90 a night',
    facts: { location: KAR, rentType: 'short_term', minBedrooms: 2, maxBedrooms: 2, maxPrice: 90 },
    intent: s,
  },
  {
    message: 'pet friendly house for rent in edremit, we have 2 dogs',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'house',
      features: ['pet_friendly'],
    },
    intent: s,
  },
  {
    message: 'flat in magusa close to the beach with balcony, to rent, 500-650',
    facts: {
      location: F,
      rentType: 'long_term',
      propertyType: 'apartment',
      minPrice: 500,
      maxPrice: 650,
      features: ['beach', 'balcony'],
    },
    intent: s,
  },
  {
    message: 'i want to buy a 3 bed villa in girne with pool and sea view, max $400k',
    facts: {
      location: G,
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
      maxPrice: 316000,
      features: ['pool', 'sea_view'],
    },
    intent: s,
  },
  {
    message: 'bafra holiday apartment next week, gym and pool would be great',
    facts: {
      location: I,
      rentType: 'short_term',
      propertyType: 'apartment',
      features: ['gym', 'pool'],
    },
    intent: s,
  },
  {
    message: 'long term rental in guzelyurt, any type, 2+ bedrooms',
    facts: { location: Z, rentType: 'long_term', minBedrooms: 2 },
    intent: s,
  },
  {
    message:
      'Hello, my wife and I are relocating to North Cyprus in March. We need a furnished 2 bedroom apartment in Kyrenia center with air con and parking, long term, budget £900 per month max.',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 900,
      features: ['furnished', 'air_conditioning', 'parking'],
    },
    intent: s,
  },
  {
    message: 'studio for rent in lefkosa near the university, unfurnished is fine',
    facts: { location: L, rentType: 'long_term', propertyType: 'studio' },
    intent: s,
  },
  {
    message: 'cheap holiday villa ozankoy 4 nights, max 150 per night',
    facts: { location: G, rentType: 'short_term', propertyType: 'villa', maxPrice: 150 },
    intent: s,
  },
  {
    message: '2 bedroom apartment for sale in yeni bogazici, up to 90k',
    facts: {
      location: F,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 90000,
    },
    intent: s,
  },
  {
    message: 'bungalo in esentepe with garden to rent monthly',
    facts: { location: ESE, rentType: 'long_term', propertyType: 'bungalow', features: ['garden'] },
    intent: s,
  },
  {
    message: 'villa for a week in bellapais, 3 bedrooms, budget 1400 a week',
    facts: {
      location: BEL,
      rentType: 'short_term',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
      maxPrice: 200,
    },
    intent: s,
  },
  {
    message: 'sea view flat in karaoglanoglu, long term, not furnished, no pets',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      features: ['sea_view'],
    },
    intent: s,
  },
  {
    message: 'looking 2+1 iskele long beach area, rent, 550 max, pool',
    facts: {
      location: I,
      rentType: 'long_term',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 550,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: '3 bed house to buy in hamitkoy, garden, parking',
    facts: {
      location: L,
      rentType: 'sale',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['garden', 'parking'],
    },
    intent: s,
  },
  {
    message: 'flat to rent in famagusta for me and my cat, under 400 quid',
    facts: {
      location: F,
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 400,
      features: ['pet_friendly'],
    },
    intent: s,
  },
  {
    message: 'Any villas in Lapta with 4+ bedrooms for sale? Budget £500-700k',
    facts: {
      location: LAP,
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 4,
      minPrice: 500000,
      maxPrice: 700000,
    },
    intent: s,
  },
  {
    message: 'apartment in kyrenia to rent, €800 a month',
    facts: { location: G, rentType: 'long_term', propertyType: 'apartment', maxPrice: 688 },
    intent: s,
  },
  {
    message: 'holiday home near the beach in bogaz, 2 bedrooms, 10 nights in july',
    facts: {
      location: I,
      rentType: 'short_term',
      minBedrooms: 2,
      maxBedrooms: 2,
      features: ['beach'],
    },
    intent: s,
  },
  {
    message: 'penthouse w/ roof terrace, girne, rent, 1200-1500',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'penthouse',
      minPrice: 1200,
      maxPrice: 1500,
    },
    intent: s,
  },
  {
    message: "I'm a student at near east uni, looking for a 1 bed flat to rent close by, max 450",
    facts: {
      location: L,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
      maxPrice: 450,
    },
    intent: s,
  },
  {
    message: 'villa 5 bed esentepe buy',
    facts: {
      location: ESE,
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 5,
      maxBedrooms: 5,
    },
    intent: s,
  },
  {
    message: 'daily rental apartment in famagusta, 2 people, 40-60 per night',
    facts: {
      location: F,
      rentType: 'short_term',
      propertyType: 'apartment',
      minPrice: 40,
      maxPrice: 60,
    },
    intent: s,
  },
  {
    message: 'House to rent in Alsancak with big garden, dogs allowed, up to £850',
    facts: {
      location: ALS,
      rentType: 'long_term',
      propertyType: 'house',
      maxPrice: 850,
      features: ['garden', 'pet_friendly'],
    },
    intent: s,
  },
  {
    message: 'buying a 2+1 in long beach as an investment, cash, 100k-130k £',
    facts: {
      location: I,
      rentType: 'sale',
      minBedrooms: 2,
      maxBedrooms: 2,
      minPrice: 100000,
      maxPrice: 130000,
    },
    intent: s,
  },
  {
    message: 'furnished 3 bedroom apartment in nicosia with balcony and AC, long-term, 25k TL max',
    facts: {
      location: L,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 3,
      maxBedrooms: 3,
      maxPrice: 500,
      features: ['furnished', 'balcony', 'air_conditioning'],
    },
    intent: s,
  },
  {
    message: 'rental in any town except famagusta, 2 bed',
    facts: { excludeLocations: [F], rentType: 'long_term', minBedrooms: 2, maxBedrooms: 2 },
    intent: s,
  },
  {
    message: 'looking for a villa with pool but not in iskele, to buy',
    facts: { excludeLocations: [I], rentType: 'sale', propertyType: 'villa', features: ['pool'] },
    intent: s,
  },
  {
    message: 'short term in kyrenia with gym, 1 bedroom, until end of month',
    facts: {
      location: G,
      rentType: 'short_term',
      minBedrooms: 1,
      maxBedrooms: 1,
      features: ['gym'],
    },
    intent: s,
  },
  {
    message: 'need bungalow with sea view + pool in catalkoy for sale max 300.000 stg',
    facts: {
      location: G,
      rentType: 'sale',
      propertyType: 'bungalow',
      maxPrice: 300000,
      features: ['sea_view', 'pool'],
    },
    intent: s,
  },
  {
    message: 'rent flat kyrenia 2 bdr parking',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      features: ['parking'],
    },
    intent: s,
  },
  {
    message: 'we are 3 families, need a 6 bedroom villa in kyrenia for a week at christmas',
    facts: {
      location: G,
      rentType: 'short_term',
      propertyType: 'villa',
      minBedrooms: 6,
      maxBedrooms: 6,
    },
    intent: s,
  },
  {
    message: 'long-term rental in mehmetcik or kumyali, house, garden',
    facts: { location: I, rentType: 'long_term', propertyType: 'house', features: ['garden'] },
    intent: s,
  },
  {
    message: 'a flat in Trikomo to buy under $120k',
    facts: { location: I, rentType: 'sale', propertyType: 'apartment', maxPrice: 94800 },
    intent: s,
  },

  // Refinements of a conversation.
  {
    message: 'any cheaper?',
    memory: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 800,
    },
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 640,
    },
    intent: r,
  },
  {
    message: 'what about nicosia instead',
    memory: { location: F, rentType: 'long_term', propertyType: 'apartment', maxPrice: 500 },
    facts: { location: L, rentType: 'long_term', propertyType: 'apartment', maxPrice: 500 },
    intent: r,
  },
  {
    message: 'actually forget the pool, a garden is enough',
    memory: { location: ESE, rentType: 'sale', propertyType: 'villa', features: ['pool'] },
    facts: { location: ESE, rentType: 'sale', propertyType: 'villa', features: ['garden'] },
    intent: r,
  },
  {
    message: 'can it be closer to the beach',
    memory: {
      location: I,
      rentType: 'short_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    facts: {
      location: I,
      rentType: 'short_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      features: ['beach'],
    },
    intent: r,
  },
  {
    message: 'show me villas instead',
    memory: { location: G, rentType: 'sale', propertyType: 'apartment', maxPrice: 150000 },
    facts: { location: G, rentType: 'sale', propertyType: 'villa', maxPrice: 150000 },
    intent: r,
  },
  {
    message: 'bigger pls',
    memory: { rentType: 'long_term', propertyType: 'house', minBedrooms: 3 },
    facts: { rentType: 'long_term', propertyType: 'house', minBedrooms: 4 },
    intent: r,
  },
  {
    message: 'hmm, go up to 750',
    memory: { location: LAP, rentType: 'long_term', propertyType: 'apartment', maxPrice: 600 },
    facts: { location: LAP, rentType: 'long_term', propertyType: 'apartment', maxPrice: 750 },
    intent: r,
  },
  {
    message: 'not in famagusta though',
    memory: {
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 700,
    },
    facts: {
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 700,
      excludeLocations: [F],
    },
    intent: r,
  },
  {
    message: 'a bit more expensive is ok',
    memory: { location: G, rentType: 'short_term', propertyType: 'villa', maxPrice: 200 },
    facts: { location: G, rentType: 'short_term', propertyType: 'villa', maxPrice: 250 },
    intent: r,
  },
  {
    message: 'doesnt have to be furnished',
    memory: {
      location: L,
      rentType: 'long_term',
      propertyType: 'apartment',
      features: ['furnished', 'parking'],
    },
    facts: { location: L, rentType: 'long_term', propertyType: 'apartment', features: ['parking'] },
    intent: r,
  },
  {
    message: 'same but in bellapais',
    memory: {
      location: G,
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    facts: {
      location: BEL,
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    intent: r,
  },
  {
    message: 'with parking and AC',
    memory: { location: F, rentType: 'long_term', propertyType: 'apartment', maxPrice: 400 },
    facts: {
      location: F,
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 400,
      features: ['parking', 'air_conditioning'],
    },
    intent: r,
  },
  {
    message: 'smaller, 2 bedrooms is enough',
    memory: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: r,
  },
  {
    message: 'ok and to buy rather than rent?',
    memory: { location: L, rentType: 'long_term', propertyType: 'house' },
    facts: { location: L, rentType: 'sale', propertyType: 'house' },
    intent: r,
  },
  {
    message: "cheaper pls, we're on a tight budget",
    memory: { location: ALS, rentType: 'long_term', maxPrice: 900 },
    facts: { location: ALS, rentType: 'long_term', maxPrice: 720 },
    intent: r,
  },
  {
    message: 'what about something in Karsiyaka',
    memory: { location: G, rentType: 'short_term', propertyType: 'apartment', features: ['pool'] },
    facts: { location: KAR, rentType: 'short_term', propertyType: 'apartment', features: ['pool'] },
    intent: r,
  },
  {
    message: 'with a sea view, and only up to 700',
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
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 700,
      features: ['sea_view'],
    },
    intent: r,
  },
  {
    message: 'try long beach instead',
    memory: {
      location: F,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 80000,
    },
    facts: {
      location: I,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 80000,
    },
    intent: r,
  },

  // Other intents.
  { message: 'hello', facts: {}, intent: 'greeting' },
  {
    message: 'thanks a lot, very helpful!',
    memory: { location: G, rentType: 'long_term', propertyType: 'apartment' },
    facts: { location: G, rentType: 'long_term', propertyType: 'apartment' },
    intent: 'thanks',
  },
  {
    message: 'can I talk to a real agent please',
    memory: { location: ESE, rentType: 'sale', propertyType: 'villa' },
    facts: { location: ESE, rentType: 'sale', propertyType: 'villa' },
    intent: 'human',
  },
  {
    message: 'is it possible to see the villa on saturday morning?',
    memory: { location: BEL, rentType: 'sale', propertyType: 'villa', features: ['pool'] },
    facts: { location: BEL, rentType: 'sale', propertyType: 'villa', features: ['pool'] },
    intent: 'viewing',
  },
  {
    message: 'let me know when a 2 bed flat to rent in lapta comes up, under 600',
    facts: {
      location: LAP,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 600,
    },
    intent: 'notify',
  },
  {
    message: 'can a british citizen buy property in north cyprus?',
    facts: {},
    intent: 'question:buying',
  },
  {
    message: 'what is a turkish title deed and is it safe?',
    facts: {},
    intent: 'question:title_deeds',
  },
  {
    message: 'if I buy a flat do I get a residency permit?',
    facts: {},
    intent: 'question:residency',
  },
  {
    message: 'how much does a 2+1 flat in famagusta cost to buy these days?',
    facts: {
      location: F,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: 'question:prices',
  },
  { message: 'any good fish restaurants by kyrenia harbour?', facts: {}, intent: 'off_topic' },
  { message: 'do you have villas in paphos', facts: {}, intent: 'outside_area' },
  {
    message: 'lets start again from scratch',
    memory: { location: I, rentType: 'sale', propertyType: 'apartment', maxPrice: 100000 },
    facts: {},
    intent: 'reset',
  },
  {
    message: 'ok can someone call me? +44 7700 900123',
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
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: 'human',
  },
];
