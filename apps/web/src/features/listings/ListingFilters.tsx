import { type FormEvent, useEffect, useState } from 'react';
import type { Feature } from '../../api';
import {
  FEATURE_LABELS,
  FEATURES,
  PROPERTY_TYPE_LABELS,
  PROPERTY_TYPES,
  RENT_TYPE_LABELS,
  RENT_TYPES,
  TOWNS,
} from '../../lib/format';
import { type ListingFilters as Filters, SORTS } from './search-params';

type Draft = Record<'q' | 'location' | 'minBedrooms' | 'maxBedrooms' | 'minPrice' | 'maxPrice', string>;

const draftOf = (f: Filters): Draft => ({
  q: f.q ?? '',
  location: f.location ?? '',
  minBedrooms: f.minBedrooms?.toString() ?? '',
  maxBedrooms: f.maxBedrooms?.toString() ?? '',
  minPrice: f.minPrice?.toString() ?? '',
  maxPrice: f.maxPrice?.toString() ?? '',
});

const text = (v: string) => v.trim() || undefined;
const num = (v: string) => (v.trim() === '' ? undefined : Number(v));

/**
 * Every ListingQuery filter as a form. Choices (selects, checkboxes) apply at once;
 * typed values apply on Search or Enter.
 */
export function ListingFilters({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const [draft, setDraft] = useState(() => draftOf(filters));
  // The URL is the truth: Back/Forward and "Clear filters" refill the typed fields.
  useEffect(() => setDraft(draftOf(filters)), [filters]);

  const withDraft = (next: Partial<Filters>): Filters => ({
    ...filters,
    q: text(draft.q),
    location: text(draft.location),
    minBedrooms: num(draft.minBedrooms),
    maxBedrooms: num(draft.maxBedrooms),
    minPrice: num(draft.minPrice),
    maxPrice: num(draft.maxPrice),
    ...next,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(withDraft({}));
  };
  const typed = (key: keyof Draft, label: string, props: Record<string, unknown> = {}) => (
    <div className={`field${key === 'q' || key === 'location' ? ' field-wide' : ''}`}>
      <label htmlFor={`f-${key}`}>{label}</label>
      <input
        id={`f-${key}`}
        name={key}
        value={draft[key]}
        onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
        {...props}
      />
    </div>
  );
  const toggleFeature = (feature: Feature, on: boolean) => {
    const current = new Set(filters.features ?? []);
    if (on) current.add(feature);
    else current.delete(feature);
    onChange(withDraft({ features: FEATURES.filter((f) => current.has(f)) }));
  };

  return (
    <form className="filters" role="search" aria-label="Listing filters" onSubmit={submit}>
      <div className="filters-grid">
        {typed('q', 'Keywords', { type: 'search', placeholder: 'e.g. sea view, quiet' })}
        {typed('location', 'Location', { list: 'f-towns', placeholder: 'Any town' })}
        <datalist id="f-towns">
          {TOWNS.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <div className="field field-wide">
          <label htmlFor="f-rent">Rent or buy</label>
          <select
            id="f-rent"
            value={filters.rentType ?? ''}
            onChange={(e) => onChange(withDraft({ rentType: (e.target.value || undefined) as Filters['rentType'] }))}
          >
            <option value="">Any</option>
            {RENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {RENT_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-wide">
          <label htmlFor="f-type">Property type</label>
          <select
            id="f-type"
            value={filters.propertyType ?? ''}
            onChange={(e) =>
              onChange(withDraft({ propertyType: (e.target.value || undefined) as Filters['propertyType'] }))
            }
          >
            <option value="">Any</option>
            {PROPERTY_TYPES.map((t) => (
              <option key={t} value={t}>
                {PROPERTY_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        {typed('minBedrooms', 'Min bedrooms', { type: 'number', min: 0, max: 50, inputMode: 'numeric' })}
        {typed('maxBedrooms', 'Max bedrooms', { type: 'number', min: 0, max: 50, inputMode: 'numeric' })}
        {typed('minPrice', 'Min price', { type: 'number', min: 0, step: 'any', inputMode: 'decimal' })}
        {typed('maxPrice', 'Max price', { type: 'number', min: 0, step: 'any', inputMode: 'decimal' })}
        <div className="field field-wide">
          <label htmlFor="f-sort">Sort by</label>
          <select
            id="f-sort"
            value={filters.sort ?? 'relevance'}
            onChange={(e) => onChange(withDraft({ sort: e.target.value as Filters['sort'] }))}
          >
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="features-fieldset">
        <legend>Features</legend>
        <div className="feature-options">
          {FEATURES.map((f) => (
            <label key={f} className="checkbox">
              <input
                type="checkbox"
                checked={filters.features?.includes(f) ?? false}
                onChange={(e) => toggleFeature(f, e.target.checked)}
              />
              {FEATURE_LABELS[f]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="filters-actions">
        <button type="submit" className="button button-primary">
          Search
        </button>
        <button type="button" className="button" onClick={() => onChange({})}>
          Clear filters
        </button>
      </div>
    </form>
  );
}
