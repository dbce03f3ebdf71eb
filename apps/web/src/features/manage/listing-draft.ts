import type { TFunction } from 'i18next';
import type { Feature, Listing, PropertyType, RentType, RouterInputs } from '../../api';
import { errorDetails } from '../../lib/errors';

/** The currencies a listing may be priced in (the server's own list, checked by type). */
export type Currency = Listing['currency'];
export const CURRENCIES = ['GBP', 'EUR', 'USD', 'TRY'] as const satisfies readonly Currency[];

/** What the form holds: typed fields as text (so "" and "1.5" survive), choices as values. */
export interface ListingDraft {
  title: string;
  description: string;
  location: string;
  rentType: RentType;
  propertyType: PropertyType;
  bedrooms: string;
  bathrooms: string;
  areaSqm: string;
  price: string;
  currency: Currency;
  features: Feature[];
  lat: string;
  lng: string;
}

/** The fields `listings.create` takes (and `listings.update`, besides the id). */
export type ListingFields = RouterInputs['listings']['create'];

export type FieldName = keyof ListingDraft;
type ErrorKey =
  | 'required'
  | 'tooShort'
  | 'tooLong'
  | 'chooseTown'
  | 'unknownTown'
  | 'wholeNumber'
  | 'between'
  | 'positive'
  | 'tooLarge'
  | 'decimals'
  | 'bothCoordinates'
  | 'invalid';
export type FieldErrors = Partial<Record<FieldName, string[]>>;

export const EMPTY_DRAFT: ListingDraft = {
  title: '',
  description: '',
  location: '',
  rentType: 'long_term',
  propertyType: 'apartment',
  bedrooms: '',
  bathrooms: '',
  areaSqm: '',
  price: '',
  currency: 'GBP',
  features: [],
  lat: '',
  lng: '',
};

export function draftOf(listing: Listing): ListingDraft {
  return {
    title: listing.title,
    description: listing.description,
    location: listing.location,
    rentType: listing.rentType,
    propertyType: listing.propertyType,
    bedrooms: String(listing.bedrooms),
    bathrooms: String(listing.bathrooms),
    areaSqm: String(listing.areaSqm),
    price: String(listing.price),
    currency: listing.currency,
    features: listing.features,
    lat: listing.lat === null ? '' : String(listing.lat),
    lng: listing.lng === null ? '' : String(listing.lng),
  };
}

/** A typed number, or NaN when it is not one ("", "abc", "1e"). */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/**
 * The server's rules for a listing (title 3 to 200 characters, whole numbers of rooms,
 * a positive price with at most 2 decimals, both coordinates or neither), checked before
 * sending so each field says what is wrong at once, in the language on screen.
 */
export function validateDraft(
  draft: ListingDraft,
  t: TFunction,
): { errors: FieldErrors; fields?: ListingFields } {
  const errors: FieldErrors = {};
  const label = (field: FieldName) => t(`manage.fields.${field}`);
  const add = (field: FieldName, key: ErrorKey, values: Record<string, unknown> = {}) => {
    errors[field] = [
      ...(errors[field] ?? []),
      t(`manage.errors.${key}`, { field: label(field), ...values }),
    ];
  };
  const text = (field: 'title' | 'description', min: number, max: number) => {
    const value = draft[field].trim();
    if (value === '') add(field, 'required');
    else if (value.length < min) add(field, 'tooShort', { count: min });
    else if (value.length > max) add(field, 'tooLong', { count: max });
    return value;
  };
  const whole = (field: 'bedrooms' | 'bathrooms' | 'areaSqm', min: number, max: number) => {
    const value = numberOf(draft[field]);
    if (draft[field].trim() === '') add(field, 'required');
    else if (!Number.isInteger(value)) add(field, 'wholeNumber');
    else if (value < min || value > max) add(field, 'between', { min, max });
    return value;
  };
  const title = text('title', 3, 200);
  const description = text('description', 1, 10_000);
  if (draft.location === '') add('location', 'chooseTown');
  const bedrooms = whole('bedrooms', 0, 50);
  const bathrooms = whole('bathrooms', 0, 50);
  const areaSqm = whole('areaSqm', 1, 100_000);
  const price = numberOf(draft.price);
  if (draft.price.trim() === '') add('price', 'required');
  else if (!Number.isFinite(price) || price <= 0) add('price', 'positive');
  else if (price > 1_000_000_000) add('price', 'tooLarge');
  else if (Math.abs(price * 100 - Math.round(price * 100)) > 1e-6) add('price', 'decimals');
  const lat = draft.lat.trim() === '' ? null : numberOf(draft.lat);
  const lng = draft.lng.trim() === '' ? null : numberOf(draft.lng);
  if (lat !== null && !(lat >= -90 && lat <= 90)) add('lat', 'between', { min: -90, max: 90 });
  if (lng !== null && !(lng >= -180 && lng <= 180)) add('lng', 'between', { min: -180, max: 180 });
  if ((lat === null) !== (lng === null)) add(lat === null ? 'lat' : 'lng', 'bothCoordinates');
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    fields: {
      title,
      description,
      location: draft.location,
      rentType: draft.rentType,
      propertyType: draft.propertyType,
      bedrooms,
      bathrooms,
      areaSqm,
      price,
      currency: draft.currency,
      features: draft.features,
      lat,
      lng,
    },
  };
}

/**
 * One message of the server's (zod's English) as a sentence about the field in the
 * language on screen; a message the app does not know becomes "is not valid", never
 * English on a Turkish or Russian page.
 */
function serverMessage(field: FieldName, message: string, t: TFunction): string {
  const values = { field: t(`manage.fields.${field}`) };
  const n = (pattern: RegExp) => Number(pattern.exec(message)?.[1]);
  if (message === 'is required' || /expected \w+, received undefined/.test(message))
    return t('manage.errors.required', values);
  if (message === 'is not a town Parley knows') return t('manage.errors.unknownTown', values);
  if (message === 'must be positive') return t('manage.errors.positive', values);
  if (message.startsWith('must have at most 2 decimal')) return t('manage.errors.decimals', values);
  if (/lat and lng/.test(message)) return t('manage.errors.bothCoordinates', values);
  if (/expected int/.test(message)) return t('manage.errors.wholeNumber', values);
  if (/^Too small: expected string to have >=?(\d+)/.test(message))
    return t('manage.errors.tooShort', { ...values, count: n(/(\d+)/) });
  if (/^Too big: expected string to have <=?(\d+)/.test(message))
    return t('manage.errors.tooLong', { ...values, count: n(/(\d+)/) });
  return t('manage.errors.invalid', values);
}

const FIELD_NAMES = new Set<string>(Object.keys(EMPTY_DRAFT));

/**
 * A failed create or update, split: messages for the fields the form shows, and one
 * for the whole form (not allowed, unreachable, or about a field the form has not).
 */
export function serverErrors(error: unknown, t: TFunction): { fields: FieldErrors; form?: string } {
  const details = errorDetails(error);
  const fields: FieldErrors = {};
  let other = false;
  for (const [path, messages] of Object.entries(details.fieldErrors)) {
    const name = path.split('.')[0] ?? '';
    if (!FIELD_NAMES.has(name)) {
      other = true;
      continue;
    }
    const field = name as FieldName;
    fields[field] = [...(fields[field] ?? []), ...messages.map((m) => serverMessage(field, m, t))];
  }
  const hasFields = Object.keys(fields).length > 0;
  if (hasFields && !other) return { fields };
  return { fields, form: hasFields ? t('manage.errors.someFields') : details.message };
}
