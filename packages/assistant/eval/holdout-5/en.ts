import type { EvalCase } from '../types';

/**
 * Held-out set 5, English. Written blind on 2026-12-04 from docs/assistant.md (its
 * "What it understands", budgets, refinements and intents sections), the `searchFacts`
 * contract, the towns in `@parley/validators` and the sets' format only: not the rules'
 * code, their tests or any other set's messages. Committed before its first run.
 *
 * Conventions followed (documented): a village with no town of its own is its district
 * (Çatalköy, Ozanköy, Edremit -> Girne; Bafra, Boğaz -> İskele; Gönyeli -> Lefkoşa;
 * Yeni Boğaziçi -> Gazimağusa); universities and sights are their district (EMU ->
 * Gazimağusa, Near East University -> Lefkoşa, GAU -> Girne, METU -> Güzelyurt);
 * "cheaper" is budget x 0.8, "more expensive" x 1.25; a weekly budget is a nightly one
 * (divided by 7); a month or the winter is a long let; "2+1" is two bedrooms.
 *
 * Conventions decided here (not spelt out in the docs):
 * - "N bed(room)" is exactly N (min and max), as "2+1" is; "N+" is a minimum only.
 * - "around X" and a bare amount after the rent type are a maximum.
 * - An amount with no currency is in pounds. Euros, dollars and lira are left out: the
 *   conversion rate is not documented, so no exact label could be written for them.
 * - Every search with an amount names its rent type, so no case depends on the guess
 *   made for an amount without one.
 * - "bigger" / "smaller" are asked only of a memory holding a minimum bedroom count,
 *   and move that minimum by one.
 * - A rent-type switch is asked only of a memory without a budget.
 * - Questions, off-topic and outside-area messages change nothing: facts equal memory.
 * - "N people", "for 5 nights" and a phone number are not bedrooms or prices.
 */
export const EN_HOLDOUT_5: EvalCase[] = [
  // Plain searches
  {
    message: 'hi, looking for a 2 bed flat in kyrenia for long term rent, budget £650 a month',
    facts: {
      location: 'Girne',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 650,
    },
    intent: 'search',
  },
  {
    message: 'villa with private pool in bellapais to buy, up to 450k',
    facts: {
      location: 'Bellapais',
      rentType: 'sale',
      propertyType: 'villa',
      maxPrice: 450_000,
      features: ['pool'],
    },
    intent: 'search',
  },
  {
    message: 'studio to rent near EMU, max 300 per month',
    facts: { location: 'Gazimağusa', rentType: 'long_term', propertyType: 'studio', maxPrice: 300 },
    intent: 'search',
  },
  {
    message: 'any 3+1 houses for sale in famagusta?',
    facts: {
      location: 'Gazimağusa',
      rentType: 'sale',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    intent: 'search',
  },
  {
    message: 'need holiday apartment in long beach for 5 nights, under 60 a night',
    facts: { location: 'İskele', rentType: 'short_term', propertyType: 'apartment', maxPrice: 60 },
    intent: 'search',
  },
  {
    message: 'Looking for detached house in Lapta with garden, long term',
    facts: {
      location: 'Lapta',
      rentType: 'long_term',
      propertyType: 'house',
      features: ['garden'],
    },
    intent: 'search',
  },
  {
    message: 'penthouse sea view girne sale',
    facts: {
      location: 'Girne',
      rentType: 'sale',
      propertyType: 'penthouse',
      features: ['sea_view'],
    },
    intent: 'search',
  },
  {
    message:
      'we are a couple with a cat, want to rent a furnished 1 bedroom in alsancak, pets must be allowed',
    facts: {
      location: 'Alsancak',
      rentType: 'long_term',
      minBedrooms: 1,
      maxBedrooms: 1,
      features: ['furnished', 'pet_friendly'],
    },
    intent: 'search',
  },
  {
    message: 'cheap flats in nicosia to rent, 400 max',
    facts: { location: 'Lefkoşa', rentType: 'long_term', propertyType: 'apartment', maxPrice: 400 },
    intent: 'search',
  },
  {
    message: 'buy bungalow in catalkoy',
    facts: { location: 'Girne', rentType: 'sale', propertyType: 'bungalow' },
    intent: 'search',
  },
  {
    message:
      'Hello! We would like to buy a 3 bedroom villa in Esentepe with sea view and a pool, budget around 350,000 GBP',
    facts: {
      location: 'Esentepe',
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
      maxPrice: 350_000,
      features: ['sea_view', 'pool'],
    },
    intent: 'search',
  },
  {
    message: 'flat for rent in gonyeli 2 or 3 bedrooms',
    facts: {
      location: 'Lefkoşa',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 3,
    },
    intent: 'search',
  },
  {
    message: 'short term rental in kyrenia centre, 2 bedrooms, £80 per night max',
    facts: {
      location: 'Girne',
      rentType: 'short_term',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 80,
    },
    intent: 'search',
  },
  {
    message: 'whats available in guzelyurt to rent long term? need 3+ bedrooms',
    facts: { location: 'Güzelyurt', rentType: 'long_term', minBedrooms: 3 },
    intent: 'search',
  },
  {
    message: 'appartment in iskele to buy under 120k',
    facts: { location: 'İskele', rentType: 'sale', propertyType: 'apartment', maxPrice: 120_000 },
    intent: 'search',
  },
  {
    message:
      'looking to rent a 2+1 close to Near East University, furnished, with air conditioning',
    facts: {
      location: 'Lefkoşa',
      rentType: 'long_term',
      minBedrooms: 2,
      maxBedrooms: 2,
      features: ['furnished', 'air_conditioning'],
    },
    intent: 'search',
  },
  {
    message: 'holiday villa bafra private pool 4 bedrooms',
    facts: {
      location: 'İskele',
      rentType: 'short_term',
      propertyType: 'villa',
      minBedrooms: 4,
      maxBedrooms: 4,
      features: ['pool'],
    },
    intent: 'search',
  },
  {
    message: 'I want to buy a house in Karsiyaka, max half a million',
    facts: { location: 'Karşıyaka', rentType: 'sale', propertyType: 'house', maxPrice: 500_000 },
    intent: 'search',
  },
  {
    message: 'rent apartment famagusta 500-700',
    facts: {
      location: 'Gazimağusa',
      rentType: 'long_term',
      propertyType: 'apartment',
      minPrice: 500,
      maxPrice: 700,
    },
    intent: 'search',
  },
  {
    message: 'do you have any studios in lefkosa for long term?',
    facts: { location: 'Lefkoşa', rentType: 'long_term', propertyType: 'studio' },
    intent: 'search',
  },
  {
    message: 'villa for the winter in ozankoy, 3 bedrooms, must have parking',
    facts: {
      location: 'Girne',
      rentType: 'long_term',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['parking'],
    },
    intent: 'search',
  },
  {
    message: 'looking for something to buy near the beach in bogaz',
    facts: { location: 'İskele', rentType: 'sale', features: ['beach'] },
    intent: 'search',
  },
  {
    message: 'penthouse with gym and pool in long beach, rent long term, up to £900/month',
    facts: {
      location: 'İskele',
      rentType: 'long_term',
      propertyType: 'penthouse',
      maxPrice: 900,
      features: ['gym', 'pool'],
    },
    intent: 'search',
  },
  {
    message: '2 bed apartment girne balcony sea view to rent 750',
    facts: {
      location: 'Girne',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 750,
      features: ['balcony', 'sea_view'],
    },
    intent: 'search',
  },
  {
    message: 'Looking for a place near GAU to rent for 6 months, 1 bedroom',
    facts: { location: 'Girne', rentType: 'long_term', minBedrooms: 1, maxBedrooms: 1 },
    intent: 'search',
  },
  {
    message: 'buy 2+1 flat Famagusta under 90,000',
    facts: {
      location: 'Gazimağusa',
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 90_000,
    },
    intent: 'search',
  },
  {
    message: 'any villas in edremit to buy between 250k and 400k',
    facts: {
      location: 'Girne',
      rentType: 'sale',
      propertyType: 'villa',
      minPrice: 250_000,
      maxPrice: 400_000,
    },
    intent: 'search',
  },
  {
    message: 'long term rental house in lapta, no pool needed, 3 bedrooms, garden pls',
    facts: {
      location: 'Lapta',
      rentType: 'long_term',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['garden'],
    },
    intent: 'search',
  },
  {
    message: 'unfurnished 2 bedroom flat in nicosia long term',
    facts: {
      location: 'Lefkoşa',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: 'search',
  },
  {
    message: 'need a studio for rent in kyrenia asap max £350',
    facts: { location: 'Girne', rentType: 'long_term', propertyType: 'studio', maxPrice: 350 },
    intent: 'search',
  },
  {
    message: 'Holiday rental in Bellapais for a week, villa with pool, £1,400 per week max',
    facts: {
      location: 'Bellapais',
      rentType: 'short_term',
      propertyType: 'villa',
      maxPrice: 200,
      features: ['pool'],
    },
    intent: 'search',
  },
  {
    message: 'looking for a bungalow for long term in Karsiyaka, pet friendly',
    facts: {
      location: 'Karşıyaka',
      rentType: 'long_term',
      propertyType: 'bungalow',
      features: ['pet_friendly'],
    },
    intent: 'search',
  },
  {
    message: '3 bedroom villa kyrenia for sale up to 1.2 million pounds',
    facts: {
      location: 'Girne',
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
      maxPrice: 1_200_000,
    },
    intent: 'search',
  },
  {
    message: 'Looking to buy a flat in Lefkosa, 2 bedrooms, with parking, around 80k',
    facts: {
      location: 'Lefkoşa',
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 80_000,
      features: ['parking'],
    },
    intent: 'search',
  },
  {
    message: 'we need a 4 bed house near the beach for long term in alsancak, budget 1,5k',
    facts: {
      location: 'Alsancak',
      rentType: 'long_term',
      propertyType: 'house',
      minBedrooms: 4,
      maxBedrooms: 4,
      maxPrice: 1500,
      features: ['beach'],
    },
    intent: 'search',
  },
  {
    message: 'flat for rent yeni bogazici',
    facts: { location: 'Gazimağusa', rentType: 'long_term', propertyType: 'apartment' },
    intent: 'search',
  },
  {
    message: 'nightly rental apartment in famagusta for 2 people, 40 a night',
    facts: {
      location: 'Gazimağusa',
      rentType: 'short_term',
      propertyType: 'apartment',
      maxPrice: 40,
    },
    intent: 'search',
  },
  {
    message: 'sea view flat to buy in esentepe, 1 or 2 bedrooms',
    facts: {
      location: 'Esentepe',
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 2,
      features: ['sea_view'],
    },
    intent: 'search',
  },
  {
    message: 'Looking for long-term rental villa in Catalkoy with pool and garden, max 1200 pounds',
    facts: {
      location: 'Girne',
      rentType: 'long_term',
      propertyType: 'villa',
      maxPrice: 1200,
      features: ['pool', 'garden'],
    },
    intent: 'search',
  },
  {
    message: 'need to rent a flat close to METU, 3 students so 3 bedrooms',
    facts: {
      location: 'Güzelyurt',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    intent: 'search',
  },
  {
    message: 'landing at Ercan next week, looking for a furnished flat in Gonyeli to rent',
    facts: {
      location: 'Lefkoşa',
      rentType: 'long_term',
      propertyType: 'apartment',
      features: ['furnished'],
    },
    intent: 'search',
  },
  {
    message: 'buy villa kyrenia with 3 or 4 bedrooms and sea views',
    facts: {
      location: 'Girne',
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 4,
      features: ['sea_view'],
    },
    intent: 'search',
  },
  {
    message: 'rent a studio in lefkosa 1 year contract, under £300, with air conditioning',
    facts: {
      location: 'Lefkoşa',
      rentType: 'long_term',
      propertyType: 'studio',
      maxPrice: 300,
      features: ['air_conditioning'],
    },
    intent: 'search',
  },
  {
    message: 'we want a holiday house near golden beach',
    facts: { location: 'İskele', rentType: 'short_term', propertyType: 'house' },
    intent: 'search',
  },
  {
    message: 'villa to buy in kyrenia area but not in lapta',
    facts: {
      location: 'Girne',
      excludeLocations: ['Lapta'],
      rentType: 'sale',
      propertyType: 'villa',
    },
    intent: 'search',
  },
  {
    message: 'apartment to rent anywhere except famagusta, 1 bedroom',
    facts: {
      excludeLocations: ['Gazimağusa'],
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
    },
    intent: 'search',
  },

  // Refinements with memory
  {
    message: 'anything cheaper?',
    memory: {
      location: 'Lefkoşa',
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 500,
    },
    facts: { location: 'Lefkoşa', rentType: 'long_term', propertyType: 'apartment', maxPrice: 400 },
    intent: 'refine',
  },
  {
    message: 'a bit more expensive is ok',
    memory: { location: 'Girne', rentType: 'sale', propertyType: 'villa', maxPrice: 200_000 },
    facts: { location: 'Girne', rentType: 'sale', propertyType: 'villa', maxPrice: 250_000 },
    intent: 'refine',
  },
  {
    message: 'show me ones with a pool',
    memory: { location: 'Lapta', rentType: 'long_term', propertyType: 'house' },
    facts: { location: 'Lapta', rentType: 'long_term', propertyType: 'house', features: ['pool'] },
    intent: 'refine',
  },
  {
    message: 'forget the sea view',
    memory: {
      location: 'Esentepe',
      rentType: 'sale',
      propertyType: 'apartment',
      features: ['sea_view', 'pool'],
    },
    facts: {
      location: 'Esentepe',
      rentType: 'sale',
      propertyType: 'apartment',
      features: ['pool'],
    },
    intent: 'refine',
  },
  {
    message: 'villas instead',
    memory: {
      location: 'İskele',
      rentType: 'short_term',
      propertyType: 'apartment',
      maxPrice: 100,
    },
    facts: { location: 'İskele', rentType: 'short_term', propertyType: 'villa', maxPrice: 100 },
    intent: 'refine',
  },
  {
    message: 'same but in alsancak',
    memory: {
      location: 'Lapta',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    facts: {
      location: 'Alsancak',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: 'refine',
  },
  {
    message: 'not famagusta',
    memory: { rentType: 'long_term', propertyType: 'apartment', maxPrice: 500 },
    facts: {
      excludeLocations: ['Gazimağusa'],
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 500,
    },
    intent: 'refine',
  },
  {
    message: 'bigger',
    memory: { location: 'Girne', rentType: 'long_term', minBedrooms: 2 },
    facts: { location: 'Girne', rentType: 'long_term', minBedrooms: 3 },
    intent: 'refine',
  },
  {
    message: 'smaller please, fewer bedrooms',
    memory: { location: 'Güzelyurt', rentType: 'sale', propertyType: 'house', minBedrooms: 4 },
    facts: { location: 'Güzelyurt', rentType: 'sale', propertyType: 'house', minBedrooms: 3 },
    intent: 'refine',
  },
  {
    message: 'closer to the beach',
    memory: { location: 'İskele', rentType: 'long_term', propertyType: 'apartment' },
    facts: {
      location: 'İskele',
      rentType: 'long_term',
      propertyType: 'apartment',
      features: ['beach'],
    },
    intent: 'refine',
  },
  {
    message: 'actually we want to buy, not rent',
    memory: {
      location: 'Girne',
      rentType: 'long_term',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    facts: {
      location: 'Girne',
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    intent: 'refine',
  },
  {
    message: 'start over',
    memory: {
      location: 'Gazimağusa',
      rentType: 'short_term',
      propertyType: 'apartment',
      maxPrice: 50,
    },
    facts: {},
    intent: 'reset',
  },
  {
    message: 'and it must be furnished',
    memory: { location: 'Lefkoşa', rentType: 'long_term', propertyType: 'studio', maxPrice: 300 },
    facts: {
      location: 'Lefkoşa',
      rentType: 'long_term',
      propertyType: 'studio',
      maxPrice: 300,
      features: ['furnished'],
    },
    intent: 'refine',
  },
  {
    message: 'max 900 then',
    memory: { location: 'Girne', rentType: 'long_term', propertyType: 'house', maxPrice: 1200 },
    facts: { location: 'Girne', rentType: 'long_term', propertyType: 'house', maxPrice: 900 },
    intent: 'refine',
  },
  {
    message: 'except lapta',
    memory: { location: 'Girne', rentType: 'sale', propertyType: 'villa' },
    facts: {
      location: 'Girne',
      excludeLocations: ['Lapta'],
      rentType: 'sale',
      propertyType: 'villa',
    },
    intent: 'refine',
  },
  {
    message: 'what about in Bafra instead',
    memory: { location: 'Gazimağusa', rentType: 'short_term', propertyType: 'apartment' },
    facts: { location: 'İskele', rentType: 'short_term', propertyType: 'apartment' },
    intent: 'refine',
  },
  {
    message: 'cheaper ones pls',
    memory: { location: 'Esentepe', rentType: 'short_term', propertyType: 'villa', maxPrice: 150 },
    facts: { location: 'Esentepe', rentType: 'short_term', propertyType: 'villa', maxPrice: 120 },
    intent: 'refine',
  },
  {
    message: 'make it 2 or 3 bedrooms',
    memory: {
      location: 'Lefkoşa',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
    },
    facts: {
      location: 'Lefkoşa',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 3,
    },
    intent: 'refine',
  },
  {
    message: 'no need for a garden',
    memory: {
      location: 'Alsancak',
      rentType: 'long_term',
      propertyType: 'house',
      features: ['garden', 'parking'],
    },
    facts: {
      location: 'Alsancak',
      rentType: 'long_term',
      propertyType: 'house',
      features: ['parking'],
    },
    intent: 'refine',
  },
  {
    message: 'cheaper options?',
    memory: { location: 'Lapta', rentType: 'long_term', propertyType: 'apartment' },
    facts: { location: 'Lapta', rentType: 'long_term', propertyType: 'apartment' },
    intent: 'refine',
  },

  // Other intents
  {
    message: 'can i talk to a real person',
    facts: {},
    intent: 'human',
  },
  {
    message: 'Could someone call me back? my number is 0533 123 4567',
    memory: { location: 'Girne', rentType: 'sale', propertyType: 'villa' },
    facts: { location: 'Girne', rentType: 'sale', propertyType: 'villa' },
    intent: 'human',
  },
  {
    message: 'can we see the villa on saturday?',
    memory: { location: 'Bellapais', rentType: 'sale', propertyType: 'villa' },
    facts: { location: 'Bellapais', rentType: 'sale', propertyType: 'villa' },
    intent: 'viewing',
  },
  {
    message: 'let me know when a 2 bed in Lapta comes up for long term',
    facts: { location: 'Lapta', rentType: 'long_term', minBedrooms: 2, maxBedrooms: 2 },
    intent: 'notify',
  },
  {
    message: 'tell me if something cheaper appears',
    memory: { location: 'Girne', rentType: 'long_term', propertyType: 'apartment', maxPrice: 600 },
    facts: { location: 'Girne', rentType: 'long_term', propertyType: 'apartment', maxPrice: 600 },
    intent: 'notify',
  },
  {
    message: 'can foreigners buy property in north cyprus?',
    facts: {},
    intent: 'question:buying',
  },
  {
    message: 'what kind of title deeds do your properties have?',
    facts: {},
    intent: 'question:title_deeds',
  },
  {
    message: 'if i buy a house here do i get residency?',
    facts: {},
    intent: 'question:residency',
  },
  {
    message: 'what are prices like?',
    memory: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa' },
    facts: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa' },
    intent: 'question:prices',
  },
  {
    message: 'any good vet in famagusta?',
    facts: {},
    intent: 'off_topic',
  },
  {
    message: 'do you have villas in paphos',
    facts: {},
    intent: 'outside_area',
  },
  {
    message: 'hello there',
    facts: {},
    intent: 'greeting',
  },
  {
    message: 'thanks a lot, very helpful',
    memory: { location: 'İskele', rentType: 'long_term', propertyType: 'apartment', maxPrice: 500 },
    facts: { location: 'İskele', rentType: 'long_term', propertyType: 'apartment', maxPrice: 500 },
    intent: 'thanks',
  },
  {
    message: 'what can you do?',
    facts: {},
    intent: 'greeting',
  },
];
