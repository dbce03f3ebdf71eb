import type { EvalCase } from '../types';

const s = 'search';
const r = 'refine';
const G = 'Girne';
const F = 'Gazimağusa';
const L = 'Lefkoşa';
const I = 'İskele';

/**
 * Held out: written from the issue and from how people search for homes in North
 * Cyprus, without reading the rules. Do not tune the rules on these messages one by one.
 */
export const EN_HOLDOUT: EvalCase[] = [
  {
    message: 'looking for 2 bed apartment kyrenia long term, budget 700',
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
    message: 'Any 1 bedroom flats in Famagusta near EMU for students? max 400',
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
    message: 'holiday rental girne 5 nights in july under 120/night',
    facts: { location: G, rentType: 'short_term', maxPrice: 120 },
    intent: s,
  },
  {
    message: "we're a family of 4 looking for a house with garden in alsancak, long term",
    facts: {
      location: 'Alsancak',
      rentType: 'long_term',
      propertyType: 'house',
      features: ['garden'],
    },
    intent: s,
  },
  {
    message: 'villa for sale bellapais sea view max £450k',
    facts: {
      location: 'Bellapais',
      rentType: 'sale',
      propertyType: 'villa',
      maxPrice: 450_000,
      features: ['sea_view'],
    },
    intent: s,
  },
  {
    message: 'studio in lefkosa upto 1k a month',
    facts: { location: L, rentType: 'long_term', propertyType: 'studio', maxPrice: 1000 },
    intent: s,
  },
  {
    message: '2+1 apartmnt iskele for sale 90k-120k',
    facts: {
      location: I,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      minPrice: 90_000,
      maxPrice: 120_000,
    },
    intent: s,
  },
  {
    message: 'i want to rent a penthouse in kyrnia with seaview',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'penthouse',
      features: ['sea_view'],
    },
    intent: s,
  },
  {
    message: 'bungalow for rent in esentepe, pets allowed',
    facts: {
      location: 'Esentepe',
      rentType: 'long_term',
      propertyType: 'bungalow',
      features: ['pet_friendly'],
    },
    intent: s,
  },
  {
    message: 'cheap holiday flats in long beach',
    facts: { location: I, rentType: 'short_term', propertyType: 'apartment' },
    intent: s,
  },
  {
    message: '3 bedroom detached house to buy in guzelyurt',
    facts: {
      location: 'Güzelyurt',
      rentType: 'sale',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    intent: s,
  },
  {
    message: 'Furnished 1 bed, Girne, monthly, up to 650 GBP',
    facts: {
      location: G,
      rentType: 'long_term',
      minBedrooms: 1,
      maxBedrooms: 1,
      maxPrice: 650,
      features: ['furnished'],
    },
    intent: s,
  },
  {
    message: 'Villa rental Lapta for a week in August, 4 beds, private pool',
    facts: {
      location: 'Lapta',
      rentType: 'short_term',
      propertyType: 'villa',
      minBedrooms: 4,
      maxBedrooms: 4,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: 'apartment in famagusta with parking and aircon under $800 monthly',
    facts: {
      location: F,
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 632,
      features: ['parking', 'air_conditioning'],
    },
    intent: s,
  },
  { message: 'whats there in morphou', facts: { location: 'Güzelyurt' }, intent: s },
  {
    message: '2 or 3 bedroom house in karsiyaka',
    facts: { location: 'Karşıyaka', propertyType: 'house', minBedrooms: 2, maxBedrooms: 3 },
    intent: s,
  },
  {
    message: 'looking to buy a home in north cyprus, budget 150,000 pounds',
    facts: { rentType: 'sale', maxPrice: 150_000 },
    intent: s,
  },
  {
    message: 'flat with balcony and gym nicosia 2 beds',
    facts: {
      location: L,
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      features: ['gym', 'balcony'],
    },
    intent: s,
  },
  {
    message: 'nightly rental in famagusta for 2 ppl under 60 quid',
    facts: { location: F, rentType: 'short_term', maxPrice: 60 },
    intent: s,
  },
  {
    message: 'villa with sea views and pool in esentepe for holidays',
    facts: {
      location: 'Esentepe',
      rentType: 'short_term',
      propertyType: 'villa',
      features: ['sea_view', 'pool'],
    },
    intent: s,
  },
  {
    message: 'beachfront apartment for sale iskele',
    facts: { location: I, rentType: 'sale', propertyType: 'apartment', features: ['beach'] },
    intent: s,
  },
  {
    message: 'minimum 2 bedrooms, kyrenia, rent',
    facts: { location: G, rentType: 'long_term', minBedrooms: 2 },
    intent: s,
  },
  {
    message: 'anything under 500 a month in girne',
    facts: { location: G, rentType: 'long_term', maxPrice: 500 },
    intent: s,
  },
  {
    message: '4 bed villa karavas',
    facts: { location: 'Alsancak', propertyType: 'villa', minBedrooms: 4, maxBedrooms: 4 },
    intent: s,
  },
  {
    message: 'house in lapithos to rent',
    facts: { location: 'Lapta', rentType: 'long_term', propertyType: 'house' },
    intent: s,
  },
  {
    message: 'Need a place in Trikomo for 2 weeks',
    facts: { location: I, rentType: 'short_term' },
    intent: s,
  },
  {
    message: 'flats to rent not in nicosia',
    facts: { rentType: 'long_term', propertyType: 'apartment', excludeLocations: [L] },
    intent: s,
  },
  {
    message: '2 bedroom between 500 and 700 in kyrenia',
    facts: {
      location: G,
      rentType: 'long_term',
      minBedrooms: 2,
      maxBedrooms: 2,
      minPrice: 500,
      maxPrice: 700,
    },
    intent: s,
  },
  {
    message: 'budget is 200k, looking for a villa',
    facts: { rentType: 'sale', propertyType: 'villa', maxPrice: 200_000 },
    intent: s,
  },
  {
    message: 'flat in gazimagusa 2 bedrm max 450pm',
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
    message: 'lefkoşa apartments for students 350 pounds',
    facts: { location: L, rentType: 'long_term', propertyType: 'apartment', maxPrice: 350 },
    intent: s,
  },
  {
    message: 'luxury villa 1.2m kyrenia',
    facts: { location: G, rentType: 'sale', propertyType: 'villa', maxPrice: 1_200_000 },
    intent: s,
  },
  {
    message: '3 bed house to rent in Girne £1,200 pcm',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
      maxPrice: 1200,
    },
    intent: s,
  },
  {
    message: '2+1 flat in girne, kiralik, long term please',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: s,
  },
  { message: 'house in larnaca', facts: {}, intent: 'outside_area' },
  { message: 'do you have anything in ayia napa?', facts: {}, intent: 'outside_area' },
  {
    message: 'apartment in protaras for holiday',
    memory: { location: G, rentType: 'long_term' },
    facts: { location: G, rentType: 'long_term' },
    intent: 'outside_area',
  },
  { message: 'what time is it in cyprus now', facts: {}, intent: 'off_topic' },
  {
    message: 'best restaurants in kyrenia?',
    memory: { location: I },
    facts: { location: I },
    intent: 'off_topic',
  },
  { message: 'can an american buy a house in the TRNC?', facts: {}, intent: 'question:buying' },
  {
    message: 'whats the difference between turkish title and exchange title',
    facts: {},
    intent: 'question:title_deeds',
  },
  {
    message: 'do I get a residence permit if I rent long term?',
    facts: {},
    intent: 'question:residency',
  },
  {
    message: 'how much are villas in bellapais going for?',
    facts: { location: 'Bellapais', propertyType: 'villa' },
    intent: 'question:prices',
  },
  { message: 'can i talk to an agent', facts: {}, intent: 'human' },
  { message: 'pls get someone to call me back', facts: {}, intent: 'human' },
  { message: 'id like to see the flat in person this weekend', facts: {}, intent: 'viewing' },
  { message: 'can I arrange a visit to the villa?', facts: {}, intent: 'viewing' },
  {
    message: 'let me know if a 2 bed in girne comes up under 600',
    facts: { location: G, rentType: 'long_term', minBedrooms: 2, maxBedrooms: 2, maxPrice: 600 },
    intent: 'notify',
  },
  {
    message: 'email me when new villas are listed in lapta',
    facts: { location: 'Lapta', propertyType: 'villa' },
    intent: 'notify',
  },
  { message: 'good morning', facts: {}, intent: 'greeting' },
  { message: 'hey', facts: {}, intent: 'greeting' },
  { message: 'cheers mate', facts: {}, intent: 'thanks' },
  { message: 'ok thank you!', facts: {}, intent: 'thanks' },
  {
    message: 'a bit cheaper pls',
    memory: { location: G, rentType: 'long_term', maxPrice: 1000 },
    facts: { location: G, rentType: 'long_term', maxPrice: 800 },
    intent: r,
  },
  {
    message: 'can u show bigger ones',
    memory: { location: G, propertyType: 'apartment', minBedrooms: 2, maxBedrooms: 2 },
    facts: { location: G, propertyType: 'apartment', minBedrooms: 3 },
    intent: r,
  },
  {
    message: 'what about in esentepe',
    memory: { location: G, rentType: 'sale', propertyType: 'villa' },
    facts: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa' },
    intent: r,
  },
  {
    message: 'dont need a pool',
    memory: { location: 'Lapta', propertyType: 'villa', features: ['pool'] },
    facts: { location: 'Lapta', propertyType: 'villa' },
    intent: r,
  },
  {
    message: 'houses instead',
    memory: { location: L, rentType: 'long_term', propertyType: 'apartment' },
    facts: { location: L, rentType: 'long_term', propertyType: 'house' },
    intent: r,
  },
  {
    message: 'not in kyrenia',
    memory: { location: G, rentType: 'long_term' },
    facts: { rentType: 'long_term', excludeLocations: [G] },
    intent: r,
  },
  {
    message: 'make it 3 bedrooms',
    memory: { location: G, propertyType: 'villa' },
    facts: { location: G, propertyType: 'villa', minBedrooms: 3, maxBedrooms: 3 },
    intent: r,
  },
  {
    message: 'actually we want it for holidays',
    memory: { location: I, rentType: 'long_term', propertyType: 'apartment', maxPrice: 700 },
    facts: { location: I, rentType: 'short_term', propertyType: 'apartment' },
    intent: r,
  },
  {
    message: 'with a sea view',
    memory: { location: G, rentType: 'sale', propertyType: 'villa' },
    facts: { location: G, rentType: 'sale', propertyType: 'villa', features: ['sea_view'] },
    intent: r,
  },
  { message: 'lets start again', memory: { location: G }, facts: {}, intent: 'reset' },
  {
    message: 'max 1200',
    memory: { location: F, rentType: 'long_term' },
    facts: { location: F, rentType: 'long_term', maxPrice: 1200 },
    intent: r,
  },
  {
    message: 'something closer to the sea',
    memory: { location: G, rentType: 'short_term' },
    facts: { location: G, rentType: 'short_term', features: ['beach'] },
    intent: r,
  },
  {
    message: 'more bedrooms',
    memory: { location: I, rentType: 'sale', minBedrooms: 2, maxBedrooms: 2 },
    facts: { location: I, rentType: 'sale', minBedrooms: 3 },
    intent: r,
  },
];
