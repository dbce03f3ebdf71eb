/**
 * The words a listing is described with: plain lists without zod, so the web app can
 * show them (in a select, as checkboxes) without loading the schemas.
 */
export const RENT_TYPES = ['long_term', 'short_term', 'sale'] as const;
export const PROPERTY_TYPES = [
  'apartment',
  'villa',
  'house',
  'studio',
  'penthouse',
  'bungalow',
] as const;
export const FEATURES = [
  'beach',
  'sea_view',
  'pool',
  'garden',
  'furnished',
  'parking',
  'pet_friendly',
  'gym',
  'air_conditioning',
  'balcony',
] as const;
export const LISTING_SORTS = ['relevance', 'price_asc', 'price_desc', 'newest'] as const;
export const CURRENCIES = ['GBP', 'EUR', 'USD', 'TRY'] as const;

export type RentType = (typeof RENT_TYPES)[number];
export type PropertyType = (typeof PROPERTY_TYPES)[number];
export type Feature = (typeof FEATURES)[number];
export type ListingSort = (typeof LISTING_SORTS)[number];
export type Currency = (typeof CURRENCIES)[number];
