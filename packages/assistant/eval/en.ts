import type { EvalCase } from './types';

const s = 'search';
const G = 'Girne';
const F = 'Gazimağusa';
const L = 'Lefkoşa';
const I = 'İskele';

/** English, as people type it: typos, no capitals, shorthand. */
export const EN: EvalCase[] = [
  {
    message: '2 bed flat in kyrenia to rent',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: s,
  },
  {
    message: 'villa with pool to buy in esentepe',
    facts: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa', features: ['pool'] },
    intent: s,
  },
  { message: 'cheap studio famagusta', facts: { location: F, propertyType: 'studio' }, intent: s },
  {
    message: 'looking for a 3 bedroom house in lapta long term',
    facts: {
      location: 'Lapta',
      rentType: 'long_term',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    intent: s,
  },
  {
    message: 'holiday apartment near the beach in iskele',
    facts: { location: I, rentType: 'short_term', propertyType: 'apartment', features: ['beach'] },
    intent: s,
  },
  {
    message: 'apartmnet in nicosia under 600 a month',
    facts: { location: L, rentType: 'long_term', propertyType: 'apartment', maxPrice: 600 },
    intent: s,
  },
  {
    message: 'need a furnished flat in girne, max 800 pcm',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 800,
      features: ['furnished'],
    },
    intent: s,
  },
  {
    message: 'sea view penthouse for sale',
    facts: { rentType: 'sale', propertyType: 'penthouse', features: ['sea_view'] },
    intent: s,
  },
  {
    message: 'bungalow with garden in alsancak',
    facts: { location: 'Alsancak', propertyType: 'bungalow', features: ['garden'] },
    intent: s,
  },
  {
    message: '2+1 in famagusta for rent',
    facts: { location: F, rentType: 'long_term', minBedrooms: 2, maxBedrooms: 2 },
    intent: s,
  },
  {
    message: 'anything in bellapais under 250k',
    facts: { location: 'Bellapais', rentType: 'sale', maxPrice: 250_000 },
    intent: s,
  },
  {
    message: 'short term rental in kyrenia for a week',
    facts: { location: G, rentType: 'short_term' },
    intent: s,
  },
  {
    message: 'villa for holidays with private pool, 4 bedrooms',
    facts: {
      rentType: 'short_term',
      propertyType: 'villa',
      minBedrooms: 4,
      maxBedrooms: 4,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: 'flat under £100 a night in kyrenia',
    facts: { location: G, rentType: 'short_term', propertyType: 'apartment', maxPrice: 100 },
    intent: s,
  },
  {
    message: 'house to buy in guzelyurt between 150k and 200k',
    facts: {
      location: 'Güzelyurt',
      rentType: 'sale',
      propertyType: 'house',
      minPrice: 150_000,
      maxPrice: 200_000,
    },
    intent: s,
  },
  {
    message: 'pet friendly house to rent',
    facts: { rentType: 'long_term', propertyType: 'house', features: ['pet_friendly'] },
    intent: s,
  },
  {
    message: 'at least 3 bedrooms villa in karsiyaka',
    facts: { location: 'Karşıyaka', propertyType: 'villa', minBedrooms: 3 },
    intent: s,
  },
  {
    message: 'studio with aircon and parking in lefkosa',
    facts: { location: L, propertyType: 'studio', features: ['parking', 'air_conditioning'] },
    intent: s,
  },
  {
    message: '1 bed apartment long beach',
    facts: { location: I, propertyType: 'apartment', minBedrooms: 1, maxBedrooms: 1 },
    intent: s,
  },
  {
    message: 'kyrenia flat €900 a month',
    facts: { location: G, rentType: 'long_term', propertyType: 'apartment', maxPrice: 774 },
    intent: s,
  },
  {
    message: '2 bedroom flat in Girne under 1000',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 1000,
    },
    intent: s,
  },
  {
    message: 'villa under 300000',
    facts: { rentType: 'sale', propertyType: 'villa', maxPrice: 300_000 },
    intent: s,
  },
  {
    message: 'apartment with gym and pool',
    facts: { propertyType: 'apartment', features: ['pool', 'gym'] },
    intent: s,
  },
  { message: 'whats available in magusa?', facts: { location: F }, intent: s },
  {
    message: 'lapta villa to let monthly with balcony',
    facts: {
      location: 'Lapta',
      rentType: 'long_term',
      propertyType: 'villa',
      features: ['balcony'],
    },
    intent: s,
  },
  { message: 'house in Paphos', facts: {}, intent: 'outside_area' },
  { message: 'any flats in limassol?', facts: {}, intent: 'outside_area' },
  { message: "what's the weather like in Kyrenia?", facts: {}, intent: 'off_topic' },
  { message: 'who won the football last night', facts: {}, intent: 'off_topic' },
  { message: 'can foreigners buy property here?', facts: {}, intent: 'question:buying' },
  { message: 'Can I buy a villa as a british citizen?', facts: {}, intent: 'question:buying' },
  { message: 'are the title deeds safe?', facts: {}, intent: 'question:title_deeds' },
  { message: 'how do i get residency if i buy', facts: {}, intent: 'question:residency' },
  { message: 'can I speak to someone please', facts: {}, intent: 'human' },
  { message: 'i want to talk to a real person', facts: {}, intent: 'human' },
  { message: 'call me on my mobile', facts: {}, intent: 'human' },
  { message: 'can we book a viewing for tomorrow?', facts: {}, intent: 'viewing' },
  {
    message: 'let me know when a villa with a pool comes up in esentepe',
    facts: { location: 'Esentepe', propertyType: 'villa', features: ['pool'] },
    intent: 'notify',
  },
  {
    message: 'notify me if something cheaper appears',
    memory: { location: G, rentType: 'long_term' },
    facts: { location: G, rentType: 'long_term' },
    intent: 'notify',
  },
  { message: 'hello', facts: {}, intent: 'greeting' },
  { message: 'hi there!', facts: {}, intent: 'greeting' },
  { message: 'thanks a lot', facts: {}, intent: 'thanks' },
  {
    message: 'cheaper',
    memory: { location: G, rentType: 'long_term', maxPrice: 1000 },
    facts: { location: G, rentType: 'long_term', maxPrice: 800 },
    intent: 'refine',
  },
  {
    message: 'something more expensive',
    memory: { location: G, rentType: 'long_term', maxPrice: 800 },
    facts: { location: G, rentType: 'long_term', maxPrice: 1000 },
    intent: 'refine',
  },
  {
    message: 'bigger',
    memory: { location: G, minBedrooms: 2, maxBedrooms: 2 },
    facts: { location: G, minBedrooms: 3 },
    intent: 'refine',
  },
  {
    message: 'fewer bedrooms',
    memory: { location: G, minBedrooms: 3, maxBedrooms: 3 },
    facts: { location: G, maxBedrooms: 2 },
    intent: 'refine',
  },
  {
    message: 'closer to the beach',
    memory: { location: I, rentType: 'short_term' },
    facts: { location: I, rentType: 'short_term', features: ['beach'] },
    intent: 'refine',
  },
  {
    message: 'forget the pool',
    memory: { location: G, features: ['pool'] },
    facts: { location: G },
    intent: 'refine',
  },
  {
    message: 'show me villas instead',
    memory: { location: G, propertyType: 'apartment' },
    facts: { location: G, propertyType: 'villa' },
    intent: 'refine',
  },
  {
    message: 'same but in lapta',
    memory: { location: G, rentType: 'sale' },
    facts: { location: 'Lapta', rentType: 'sale' },
    intent: 'refine',
  },
  {
    message: 'not famagusta',
    memory: { location: F, rentType: 'long_term' },
    facts: { rentType: 'long_term', excludeLocations: [F] },
    intent: 'refine',
  },
  { message: 'anywhere except nicosia', facts: { excludeLocations: [L] }, intent: s },
  {
    message: 'actually I want to buy',
    memory: { location: G, rentType: 'long_term', maxPrice: 900 },
    facts: { location: G, rentType: 'sale' },
    intent: 'refine',
  },
  {
    message: 'under 700 then',
    memory: { location: G, rentType: 'long_term', maxPrice: 900 },
    facts: { location: G, rentType: 'long_term', maxPrice: 700 },
    intent: 'refine',
  },
  { message: 'start over', memory: { location: G }, facts: {}, intent: 'reset' },
  {
    message: 'with a garden and parking pls',
    memory: { location: 'Alsancak' },
    facts: { location: 'Alsancak', features: ['garden', 'parking'] },
    intent: 'refine',
  },
  {
    message: 'holiday let famagsuta max 80 per night',
    facts: { location: F, rentType: 'short_term', maxPrice: 80 },
    intent: s,
  },
  {
    message: '3-4 bedroom villa kyrenia for sale sea views',
    facts: {
      location: G,
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 4,
      features: ['sea_view'],
    },
    intent: s,
  },
  {
    message: 'flat for a couple, 1 bedroom, nicosia, budget 500',
    facts: {
      location: L,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
      maxPrice: 500,
    },
    intent: s,
  },
  {
    message: 'how much does a 2 bed flat cost in kyrenia?',
    facts: { location: G, propertyType: 'apartment', minBedrooms: 2, maxBedrooms: 2 },
    intent: 'question:prices',
  },
];
