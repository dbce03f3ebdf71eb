import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Feature } from '../../api';
import { FEATURES, PROPERTY_TYPES, RENT_TYPES, TOWN_NAMES, useFormat } from '../../lib/format';
import {
  type ListingFilters as Filters,
  invertedRanges,
  paramsFromFilters,
  RANGE_MIN,
  type RangeField,
  SORTS,
} from './search-params';

type TypedKey = 'q' | 'location' | 'minBedrooms' | 'maxBedrooms' | 'minPrice' | 'maxPrice';
/** What the form shows: typed fields as text, choices as values. */
type Draft = Record<TypedKey, string> &
  Pick<Filters, 'rentType' | 'propertyType' | 'features' | 'sort'>;

const draftOf = (f: Filters): Draft => ({
  q: f.q ?? '',
  location: f.location ?? '',
  minBedrooms: f.minBedrooms?.toString() ?? '',
  maxBedrooms: f.maxBedrooms?.toString() ?? '',
  minPrice: f.minPrice?.toString() ?? '',
  maxPrice: f.maxPrice?.toString() ?? '',
  rentType: f.rentType,
  propertyType: f.propertyType,
  features: f.features,
  sort: f.sort,
});

const text = (v: string) => v.trim() || undefined;
const num = (v: string) => (v.trim() === '' ? undefined : Number(v));

const filtersOf = (d: Draft): Filters => ({
  q: text(d.q),
  location: text(d.location),
  rentType: d.rentType,
  propertyType: d.propertyType,
  minBedrooms: num(d.minBedrooms),
  maxBedrooms: num(d.maxBedrooms),
  minPrice: num(d.minPrice),
  maxPrice: num(d.maxPrice),
  features: d.features,
  sort: d.sort,
});

/** "Max price must not be less than Min price.", with the form's own labels. */
export function useRangeMessage(): (field: RangeField) => string {
  const { t } = useTranslation();
  return (field) =>
    t('listings.rangeInverted', {
      max: t(`listings.${field}`),
      min: t(`listings.${RANGE_MIN[field]}`),
    });
}

/**
 * Every ListingQuery filter as a form. Choices (selects, checkboxes) apply at once;
 * typed values apply on Search or Enter. The form keeps its own copy so it answers
 * at once; the URL stays the truth (Back/Forward and "Clear filters" refill it).
 */
export function ListingFilters({
  filters,
  onChange,
}: {
  filters: Filters;
  onChange: (next: Filters) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const rangeMessage = useRangeMessage();
  const [draft, setDraft] = useState(() => draftOf(filters));
  /** Filters this form sent that the URL has not shown yet, as query strings, oldest first. */
  const pending = useRef<string[]>([]);
  /** Ranges typed upside down (max below min): refused, with the max field named. */
  const [inverted, setInverted] = useState<RangeField[]>([]);
  const emit = (next: Filters): boolean => {
    const bad = invertedRanges(next);
    setInverted(bad);
    if (bad.length > 0) return false;
    pending.current.push(paramsFromFilters(next).toString());
    onChange(next);
    return true;
  };
  useEffect(() => {
    // Our own change coming back through the URL (a render later) must not wipe what was
    // typed since; a change from outside (Back/Forward, another "Clear filters") is shown.
    const key = paramsFromFilters(filters).toString();
    const at = pending.current.indexOf(key);
    if (at >= 0) {
      pending.current = pending.current.slice(at + 1);
      return;
    }
    pending.current = [];
    setDraft(draftOf(filters));
  }, [filters]);

  const choose = (next: Partial<Draft>) => {
    const updated = { ...draft, ...next };
    setDraft(updated);
    emit(filtersOf(updated));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!emit(filtersOf(draft))) {
      // The first field in error takes focus, and reads its message (aria-describedby).
      const first = invertedRanges(filtersOf(draft))[0];
      if (first) document.getElementById(`f-${first}`)?.focus();
    }
  };
  const typed = (key: TypedKey, label: string, props: Record<string, unknown> = {}) => {
    const error = (inverted as string[]).includes(key)
      ? rangeMessage(key as RangeField)
      : undefined;
    return (
      <div className={`field${key === 'q' || key === 'location' ? ' field-wide' : ''}`}>
        <label htmlFor={`f-${key}`}>{label}</label>
        <input
          id={`f-${key}`}
          name={key}
          value={draft[key]}
          onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `f-${key}-error` : undefined}
          {...props}
        />
        {error && (
          <p id={`f-${key}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
    );
  };
  const toggleFeature = (feature: Feature, on: boolean) => {
    const current = new Set(draft.features ?? []);
    if (on) current.add(feature);
    else current.delete(feature);
    choose({ features: FEATURES.filter((f) => current.has(f)) });
  };

  return (
    <search className="filters" aria-label={t('listings.filtersLabel')}>
      <form onSubmit={submit}>
        <div className="filters-grid">
          {typed('q', t('listings.keywords'), {
            type: 'search',
            placeholder: t('listings.keywordsPlaceholder'),
          })}
          {typed('location', t('listings.location'), {
            list: 'f-towns',
            placeholder: t('listings.anyTown'),
          })}
          <datalist id="f-towns">
            {TOWN_NAMES.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
          <div className="field field-wide">
            <label htmlFor="f-rent">{t('listings.rentOrBuy')}</label>
            <select
              id="f-rent"
              value={draft.rentType ?? ''}
              onChange={(e) =>
                choose({ rentType: (e.target.value || undefined) as Filters['rentType'] })
              }
            >
              <option value="">{t('listings.any')}</option>
              {RENT_TYPES.map((r) => (
                <option key={r} value={r}>
                  {format.rentType(r)}
                </option>
              ))}
            </select>
          </div>
          <div className="field field-wide">
            <label htmlFor="f-type">{t('listings.propertyType')}</label>
            <select
              id="f-type"
              value={draft.propertyType ?? ''}
              onChange={(e) =>
                choose({ propertyType: (e.target.value || undefined) as Filters['propertyType'] })
              }
            >
              <option value="">{t('listings.any')}</option>
              {PROPERTY_TYPES.map((p) => (
                <option key={p} value={p}>
                  {format.propertyType(p)}
                </option>
              ))}
            </select>
          </div>
          {typed('minBedrooms', t('listings.minBedrooms'), {
            type: 'number',
            min: 0,
            max: 50,
            inputMode: 'numeric',
          })}
          {typed('maxBedrooms', t('listings.maxBedrooms'), {
            type: 'number',
            min: 0,
            max: 50,
            inputMode: 'numeric',
          })}
          {typed('minPrice', t('listings.minPrice'), {
            type: 'number',
            min: 0,
            step: 'any',
            inputMode: 'decimal',
          })}
          {typed('maxPrice', t('listings.maxPrice'), {
            type: 'number',
            min: 0,
            step: 'any',
            inputMode: 'decimal',
          })}
          <div className="field field-wide">
            <label htmlFor="f-sort">{t('listings.sortBy')}</label>
            <select
              id="f-sort"
              value={draft.sort ?? 'relevance'}
              onChange={(e) => choose({ sort: e.target.value as Filters['sort'] })}
            >
              {SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`listings.sort.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset className="features-fieldset">
          <legend>{t('listings.features')}</legend>
          <div className="feature-options">
            {FEATURES.map((f) => (
              <label key={f} className="checkbox">
                <input
                  type="checkbox"
                  checked={draft.features?.includes(f) ?? false}
                  onChange={(e) => toggleFeature(f, e.target.checked)}
                />
                {format.feature(f)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="filters-actions">
          <button type="submit" className="button button-primary">
            {t('listings.search')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setDraft(draftOf({}));
              emit({});
            }}
          >
            {t('listings.clearFilters')}
          </button>
        </div>
      </form>
    </search>
  );
}
