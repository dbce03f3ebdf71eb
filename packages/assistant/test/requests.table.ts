import type { SearchFacts } from '@parley/validators';

/**
 * Requests written the way people type them, with the exact facts each must give.
 * Canonical town names are what listings store: Girne (Kyrenia), Gazimağusa
 * (Famagusta), Lefkoşa (Nicosia), İskele (Trikomo), Güzelyurt (Morphou).
 */
export const REQUESTS: ReadonlyArray<readonly [message: string, facts: SearchFacts]> = [
  // Location aliases, accents, case.
  [
    '2 bedroom apartment in Girne for long-term rent under 1000',
    {
      location: 'Girne',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 1000,
    },
  ],
  [
    'Looking for a VILLA w/ pool near kyrenia, max £250k to buy',
    {
      location: 'Girne',
      rentType: 'sale',
      propertyType: 'villa',
      maxPrice: 250_000,
      features: ['pool'],
    },
  ],
  [
    'holiday flat famagusta 2br under 80 a night',
    {
      location: 'Gazimağusa',
      rentType: 'short_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 80,
    },
  ],
  [
    'flat to rent in Magusa',
    { location: 'Gazimağusa', rentType: 'long_term', propertyType: 'apartment' },
  ],
  ['anything in GAZİMAĞUSA?', { location: 'Gazimağusa' }],
  [
    'Nicosia apartments for rent',
    { location: 'Lefkoşa', rentType: 'long_term', propertyType: 'apartment' },
  ],
  [
    'lefkosa 1 bed flat monthly',
    {
      location: 'Lefkoşa',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
    },
  ],
  ['Lefkoşa studio', { location: 'Lefkoşa', propertyType: 'studio' }],
  [
    'iskele penthouse with sea view',
    { location: 'İskele', propertyType: 'penthouse', features: ['sea_view'] },
  ],
  ['Trikomo holiday rental for a week', { location: 'İskele', rentType: 'short_term' }],
  ['Something in Long Beach, close to the sea', { location: 'İskele', features: ['beach'] }],
  ['Morphou house to buy', { location: 'Güzelyurt', rentType: 'sale', propertyType: 'house' }],
  [
    'guzelyurt bungalow with garden',
    { location: 'Güzelyurt', propertyType: 'bungalow', features: ['garden'] },
  ],
  [
    'Lapta villa with private pool',
    { location: 'Lapta', propertyType: 'villa', features: ['pool'] },
  ],
  [
    'esentepe sea view apartment for sale',
    { location: 'Esentepe', rentType: 'sale', propertyType: 'apartment', features: ['sea_view'] },
  ],
  [
    'Alsancak 3 bedroom house, garden, pets allowed',
    {
      location: 'Alsancak',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['garden', 'pet_friendly'],
    },
  ],
  [
    'Bellapais villa, mountain views, pool',
    { location: 'Bellapais', propertyType: 'villa', features: ['pool'] },
  ],
  [
    'karsiyaka bungalow long let',
    { location: 'Karşıyaka', rentType: 'long_term', propertyType: 'bungalow' },
  ],
  [
    'Karşıyaka, 2 bed, under £700 pm',
    { location: 'Karşıyaka', rentType: 'long_term', minBedrooms: 2, maxBedrooms: 2, maxPrice: 700 },
  ],
  ['flat in Lapithos', { location: 'Lapta', propertyType: 'apartment' }],
  [
    'Karavas house with a garden',
    { location: 'Alsancak', propertyType: 'house', features: ['garden'] },
  ],
  // Typos.
  [
    'kyrenai 2 bed flat',
    { location: 'Girne', propertyType: 'apartment', minBedrooms: 2, maxBedrooms: 2 },
  ],
  [
    'famagsuta studio for rent',
    { location: 'Gazimağusa', rentType: 'long_term', propertyType: 'studio' },
  ],
  ['nicosai apartment', { location: 'Lefkoşa', propertyType: 'apartment' }],
  ['villa in esentepee', { location: 'Esentepe', propertyType: 'villa' }],
  ['bellapis house for sale', { location: 'Bellapais', rentType: 'sale', propertyType: 'house' }],
  ['famagusa 3 bedrooms', { location: 'Gazimağusa', minBedrooms: 3, maxBedrooms: 3 }],
  ['Kyrinia penthouse', { location: 'Girne', propertyType: 'penthouse' }],
  [
    'iskelle flat near beach',
    { location: 'İskele', propertyType: 'apartment', features: ['beach'] },
  ],
  ['alsanacak villa', { location: 'Alsancak', propertyType: 'villa' }],
  // Rent type wording.
  ['long term rental in kyrenia', { location: 'Girne', rentType: 'long_term' }],
  ['looking for a long-let house', { rentType: 'long_term', propertyType: 'house' }],
  [
    'Short stay apartment in Famagusta',
    { location: 'Gazimağusa', rentType: 'short_term', propertyType: 'apartment' },
  ],
  [
    'short-term villa rental with pool',
    { rentType: 'short_term', propertyType: 'villa', features: ['pool'] },
  ],
  ['nightly rentals in girne', { location: 'Girne', rentType: 'short_term' }],
  ['villa for my holiday in august', { rentType: 'short_term', propertyType: 'villa' }],
  ['I want to purchase a bungalow', { rentType: 'sale', propertyType: 'bungalow' }],
  ['houses for sale in Lapta', { location: 'Lapta', rentType: 'sale', propertyType: 'house' }],
  ['holiday home to buy near the beach', { rentType: 'sale', features: ['beach'] }],
  [
    'buy to let flat in Nicosia',
    { location: 'Lefkoşa', rentType: 'sale', propertyType: 'apartment' },
  ],
  ['somewhere to rent, not to buy', { rentType: 'long_term' }],
  // Property types and plurals.
  ['flats in kyrenia', { location: 'Girne', propertyType: 'apartment' }],
  ['Any villas?', { propertyType: 'villa' }],
  ['studio flat to rent', { rentType: 'long_term', propertyType: 'studio' }],
  ['penthouse apartment with gym', { propertyType: 'penthouse', features: ['gym'] }],
  ['townhouse with parking', { propertyType: 'house', features: ['parking'] }],
  ['Bungalows with gardens please', { propertyType: 'bungalow', features: ['garden'] }],
  // Bedrooms.
  ['two-bedroom apartment', { propertyType: 'apartment', minBedrooms: 2, maxBedrooms: 2 }],
  ['3br villa', { propertyType: 'villa', minBedrooms: 3, maxBedrooms: 3 }],
  [
    '3 bedrooms house in Alsancak',
    { location: 'Alsancak', propertyType: 'house', minBedrooms: 3, maxBedrooms: 3 },
  ],
  ['at least 2 bedrooms', { minBedrooms: 2 }],
  [
    'minimum 4 beds, villa, Bellapais',
    { location: 'Bellapais', propertyType: 'villa', minBedrooms: 4 },
  ],
  ['3+ bedroom house', { propertyType: 'house', minBedrooms: 3 }],
  ['2 or more bedrooms', { minBedrooms: 2 }],
  [
    '2-3 bed flat in Famagusta',
    { location: 'Gazimağusa', propertyType: 'apartment', minBedrooms: 2, maxBedrooms: 3 },
  ],
  ['between 2 and 4 bedrooms', { minBedrooms: 2, maxBedrooms: 4 }],
  ['up to 2 bedrooms', { maxBedrooms: 2 }],
  [
    'one bed flat in nicosia',
    { location: 'Lefkoşa', propertyType: 'apartment', minBedrooms: 1, maxBedrooms: 1 },
  ],
  [
    'a four bedroom villa with a pool',
    { propertyType: 'villa', minBedrooms: 4, maxBedrooms: 4, features: ['pool'] },
  ],
  [
    '2+1 apartment in Iskele',
    { location: 'İskele', propertyType: 'apartment', minBedrooms: 2, maxBedrooms: 2 },
  ],
  ['3 bed 2 bath villa', { propertyType: 'villa', minBedrooms: 3, maxBedrooms: 3 }],
  ['2 double bedrooms, balcony', { minBedrooms: 2, maxBedrooms: 2, features: ['balcony'] }],
  // Budgets.
  ['under 800', { maxPrice: 800 }],
  ['rent below 1000 a month', { rentType: 'long_term', maxPrice: 1000 }],
  ['less than 900', { maxPrice: 900 }],
  ['villa max £250k', { propertyType: 'villa', maxPrice: 250_000 }],
  ['1k per month', { rentType: 'long_term', maxPrice: 1000 }],
  ['budget 1.5k', { maxPrice: 1500 }],
  ['apartment £250,000', { propertyType: 'apartment', maxPrice: 250_000 }],
  ['between 600 and 900', { minPrice: 600, maxPrice: 900 }],
  ['600-900 in famagusta', { location: 'Gazimağusa', minPrice: 600, maxPrice: 900 }],
  ['€600 – €900 a month', { rentType: 'long_term', minPrice: 600, maxPrice: 900 }],
  ['budget 700', { maxPrice: 700 }],
  ['my budget is around $700', { maxPrice: 700 }],
  ['from 500', { minPrice: 500 }],
  ['over 2000', { minPrice: 2000 }],
  ['500 to 750 pounds per month', { rentType: 'long_term', minPrice: 500, maxPrice: 750 }],
  ['villa 1.2m', { propertyType: 'villa', maxPrice: 1_200_000 }],
  [
    'house £180k-£220k to buy',
    { rentType: 'sale', propertyType: 'house', minPrice: 180_000, maxPrice: 220_000 },
  ],
  ['2000+ a month', { rentType: 'long_term', minPrice: 2000 }],
  ['flat 650 or less', { propertyType: 'apartment', maxPrice: 650 }],
  ['no more than €120/night', { rentType: 'short_term', maxPrice: 120 }],
  ['up to 95 per night, sleeps 4', { rentType: 'short_term', maxPrice: 95 }],
  ['£1,250 pcm max', { rentType: 'long_term', maxPrice: 1250 }],
  ['120 sqm villa under 300k', { propertyType: 'villa', maxPrice: 300_000 }],
  [
    'flat 5 minutes from the beach under 700',
    { propertyType: 'apartment', maxPrice: 700, features: ['beach'] },
  ],
  // Features.
  ['sea view, pool and garden', { features: ['sea_view', 'pool', 'garden'] }],
  ['fully furnished with parking', { features: ['furnished', 'parking'] }],
  ['pet friendly flat, I have a dog', { propertyType: 'apartment', features: ['pet_friendly'] }],
  ['needs aircon and a gym', { features: ['gym', 'air_conditioning'] }],
  ['air conditioning and balcony', { features: ['air_conditioning', 'balcony'] }],
  ['A/C is a must', { features: ['air_conditioning'] }],
  ['beachfront villa', { propertyType: 'villa', features: ['beach'] }],
  ['unfurnished house', { propertyType: 'house' }],
  ['flat with no pool but with a balcony', { propertyType: 'apartment', features: ['balcony'] }],
  // Everything at once, the way people really type.
  [
    'Hi, we are a family of 4 looking for a 3 bed villa with pool in Kyrenia, long term, budget £1500/month',
    {
      location: 'Girne',
      rentType: 'long_term',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
      maxPrice: 1500,
      features: ['pool'],
    },
  ],
  [
    'need 2br flat nicosia, furnished, parking, max 600 per month pls',
    {
      location: 'Lefkoşa',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 600,
      features: ['furnished', 'parking'],
    },
  ],
  ['Cheap studio famagusta for students', { location: 'Gazimağusa', propertyType: 'studio' }],
  [
    'retired couple, bungalow in Esentepe to buy, £150,000 - £200,000, garden & sea views',
    {
      location: 'Esentepe',
      rentType: 'sale',
      propertyType: 'bungalow',
      minPrice: 150_000,
      maxPrice: 200_000,
      features: ['sea_view', 'garden'],
    },
  ],
  [
    'HOLIDAY VILLA IN BELLAPAIS WITH POOL FOR 2 WEEKS UNDER 150 A NIGHT',
    {
      location: 'Bellapais',
      rentType: 'short_term',
      propertyType: 'villa',
      maxPrice: 150,
      features: ['pool'],
    },
  ],
  [
    'Looking to buy a penthouse in Iskele, sea view, gym, 2 bedrooms, up to 180k',
    {
      location: 'İskele',
      rentType: 'sale',
      propertyType: 'penthouse',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 180_000,
      features: ['sea_view', 'gym'],
    },
  ],
  [
    'can you find me a 1 bedroom apartment in girne with balcony and a/c for long-term? 550 max',
    {
      location: 'Girne',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
      maxPrice: 550,
      features: ['air_conditioning', 'balcony'],
    },
  ],
  [
    'Famagusta, 2 bed, 600',
    { location: 'Gazimağusa', minBedrooms: 2, maxBedrooms: 2, maxPrice: 600 },
  ],
  [
    'house in morphou with garden for a dog, rent around 500',
    {
      location: 'Güzelyurt',
      rentType: 'long_term',
      propertyType: 'house',
      maxPrice: 500,
      features: ['garden', 'pet_friendly'],
    },
  ],
  [
    'a 2 bed apartment built in 2019 in lefkosa',
    { location: 'Lefkoşa', propertyType: 'apartment', minBedrooms: 2, maxBedrooms: 2 },
  ],
  [
    'Villa near Kyrenia harbour, 4 bedrooms or more, £400k',
    { location: 'Girne', propertyType: 'villa', minBedrooms: 4, maxPrice: 400_000 },
  ],
  ['Not in Kyrenia, Famagusta please', { location: 'Gazimağusa', excludeLocations: ['Girne'] }],
];
