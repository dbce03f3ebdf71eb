import { listingCreateInput, listingFields } from '@parley/validators';
import type { TFunction } from 'i18next';
import type { Feature, Listing, PropertyType, RentType, RouterInputs } from '../../api';
import { currentLanguage, i18n } from '../../i18n/i18n';
import { LOCALES } from '../../i18n/languages';
import { errorDetails } from '../../lib/errors';
import { localFieldMessage } from '../../lib/field-messages';

/** The currencies a listing may be priced in. */
export type Currency = Listing['currency'];
export { CURRENCIES } from '@parley/validators/vocabulary';

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

/** "750,50": one comma and one or two digits after it is a decimal comma, as much of Europe writes it. */
const DECIMAL_COMMA = /^([+-]?\d*),(\d{1,2})$/;
/** In a coordinate any digits may follow it ("35,3412"): degrees are never grouped in thousands. */
const COORDINATE_COMMA = /^([+-]?\d*),(\d+)$/;

/**
 * A typed number; undefined when nothing is typed, NaN when it is not a number ("abc",
 * "1,000": a comma that may group thousands is not guessed at). A decimal comma is read
 * as a point.
 */
export function numberOf(text: string, comma = DECIMAL_COMMA): number | undefined {
  const typed = text.trim();
  if (typed === '') return undefined;
  if (/^[+-]?\d*\.?\d+$|^[+-]?\d+\.$/.test(typed)) return Number(typed);
  const decimal = comma.exec(typed);
  return decimal ? Number(`${decimal[1]}.${decimal[2]}`) : Number.NaN;
}
/** A coordinate: null when left empty (a listing may have no place on the map). */
const coordinateOf = (text: string) => numberOf(text, COORDINATE_COMMA) ?? null;

/** The draft as `listings.create` takes it, typed fields read as numbers. */
function candidateOf(draft: ListingDraft): Record<keyof ListingFields, unknown> {
  return {
    title: draft.title,
    description: draft.description,
    location: draft.location,
    rentType: draft.rentType,
    propertyType: draft.propertyType,
    bedrooms: numberOf(draft.bedrooms),
    bathrooms: numberOf(draft.bathrooms),
    areaSqm: numberOf(draft.areaSqm),
    price: numberOf(draft.price),
    currency: draft.currency,
    features: draft.features,
    images: undefined,
    lat: coordinateOf(draft.lat),
    lng: coordinateOf(draft.lng),
  };
}

/**
 * The draft checked with the server's own schema (`listingCreateInput`), before sending,
 * so each field says at once what is wrong, in the language on screen; the fields to
 * send when nothing is.
 */
export function validateDraft(
  draft: ListingDraft,
  t: TFunction,
): { errors: FieldErrors; fields?: ListingFields } {
  const checked = listingCreateInput.safeParse(candidateOf(draft));
  if (checked.success) {
    const { images: _none, ...fields } = checked.data;
    return { errors: {}, fields };
  }
  const errors: FieldErrors = {};
  for (const issue of checked.error.issues) {
    const named = String(issue.path[0]) as FieldName;
    // The pairing rule names lat; the half to fill in is the empty one.
    const pairing = named === 'lat' && draft.lat.trim() !== '' && draft.lng.trim() === '';
    const field = pairing ? 'lng' : named;
    const typed = pairing ? undefined : (draft[field] as string);
    // The hint above the two fields already says "both or neither": the error names
    // the half that is missing rather than saying it again.
    const message = pairing
      ? t('fieldErrors.required', { field: t('manage.fields.lng') })
      : field === 'location' && draft.location === ''
        ? t('manage.errors.chooseTown')
        : (boundsMessage(field, issue.code, typed ?? '', t) ??
          localFieldMessage(t(`manage.fields.${field}`), issue.message, typed));
    if (!errors[field]?.includes(message)) errors[field] = [...(errors[field] ?? []), message];
  }
  return { errors };
}

const FIELD_NAMES = new Set<string>(Object.keys(EMPTY_DRAFT));

/**
 * A field's bounds: characters of a text, or the range of a number (whole or not).
 * Fields with a bound of another kind (a price above 0, at most 2 decimals) have none.
 */
export interface Limits {
  kind: 'text' | 'whole' | 'number';
  min: number;
  max: number;
}

/** What zod keeps of a schema's checks (`_zod.bag`), and the schema it wraps, if any. */
interface Inspected {
  _zod: {
    bag: { minimum?: number; maximum?: number; exclusiveMinimum?: number; format?: string };
    def: { type: string; innerType?: Inspected };
  };
}

/** The bounds the server's schema sets on one field (through its default and null). */
function limitsOf(schema: Inspected): Limits | undefined {
  let inner = schema;
  while (inner._zod.def.innerType) inner = inner._zod.def.innerType;
  const { type } = inner._zod.def;
  const { minimum, maximum, exclusiveMinimum, format } = inner._zod.bag;
  if (maximum === undefined) return undefined;
  if (type === 'string' && minimum !== undefined)
    return { kind: 'text', min: minimum, max: maximum };
  if (type !== 'number') return undefined;
  const whole = format === 'safeint' || format === 'int32';
  // "Above 0" in whole numbers is "from 1"; a price above 0 has no least value to say.
  const min = exclusiveMinimum !== undefined ? (whole ? exclusiveMinimum + 1 : undefined) : minimum;
  if (min === undefined) return undefined;
  return { kind: whole ? 'whole' : 'number', min: Math.max(min, minimum ?? min), max: maximum };
}

/**
 * Each field's bounds, read from the schema the server checks with, so what the form
 * says ("3 to 200 characters", "a whole number from 0 to 50") is the rule itself.
 */
export const LIMITS: Partial<Record<FieldName, Limits>> = Object.fromEntries(
  Object.entries(listingFields.shape).flatMap(([name, schema]) => {
    const limits = limitsOf(schema as unknown as Inspected);
    return limits ? [[name, limits]] : [];
  }),
);

/** zod's issue code, from its English words as the server sends them. */
function issueCodeOf(message: string): string {
  if (message.startsWith('Too small')) return 'too_small';
  if (message.startsWith('Too big')) return 'too_big';
  if (/expected (int|number)/.test(message)) return 'invalid_type';
  return 'other';
}

/** The issues a field's bounds answer better than zod's own words ("expected int"). */
const BOUND_ISSUES = new Set(['too_small', 'too_big', 'invalid_type', 'not_multiple_of']);

/**
 * A field's whole rule, when `code` is about its bounds: "Title must be 3 to 200
 * characters long", "Bedrooms must be a whole number from 0 to 50". Undefined otherwise
 * (an empty field is said to be required, as before).
 */
export function boundsMessage(
  field: FieldName,
  code: string,
  /** What was typed, when known: an empty field is said to be required instead. */
  typed: string | undefined,
  t: TFunction,
): string | undefined {
  const limits = LIMITS[field];
  if (!limits || !BOUND_ISSUES.has(code) || typed?.trim() === '') return undefined;
  const number = new Intl.NumberFormat(LOCALES[currentLanguage(i18n)]);
  const values = {
    field: t(`manage.fields.${field}`),
    min: number.format(limits.min),
    max: number.format(limits.max),
  };
  if (limits.kind === 'text') return t('fieldErrors.lengthBetween', values);
  if (limits.kind === 'whole') return t('fieldErrors.wholeNumberBetween', values);
  return t('fieldErrors.numberBetween', values);
}

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
    const label = t(`manage.fields.${field}`);
    // The server answers in zod's words: a bound it names is said as the field's whole rule.
    const said = messages.map(
      (m) => boundsMessage(field, issueCodeOf(m), undefined, t) ?? localFieldMessage(label, m),
    );
    fields[field] = [...new Set([...(fields[field] ?? []), ...said])];
  }
  const hasFields = Object.keys(fields).length > 0;
  if (hasFields && !other) return { fields };
  return { fields, form: hasFields ? t('manage.errors.someFields') : details.message };
}
