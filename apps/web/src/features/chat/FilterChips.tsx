import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SearchFacts } from '../../api';
import { useFormat } from '../../lib/format';
import { paramsFromFilters } from '../listings/search-params';

/** What the assistant understood, as chips, with a link to the same search on the listings page. */
export function FilterChips({ filters }: { filters: SearchFacts }) {
  const { t } = useTranslation();
  const labels = useFormat().facts(filters);
  if (labels.length === 0) return null;
  return (
    <div className="chips-row">
      <ul className="chips" aria-label={t('chat.appliedFilters')}>
        {labels.map((label) => (
          <li key={label} className="chip">
            {label}
          </li>
        ))}
      </ul>
      <Link className="small" to={`/listings?${paramsFromFilters(filters)}`}>
        {t('chat.browseAll')}
      </Link>
      <Link className="small" to={`/listings?${paramsFromFilters(filters)}&view=map`}>
        {t('chat.onMap')}
      </Link>
    </div>
  );
}

type FactPart = { key: string; only: SearchFacts; without: SearchFacts };

/** The memory split into what one chip shows, each with the memory without it. */
export function factParts(facts: SearchFacts): FactPart[] {
  const parts: FactPart[] = [];
  const drop = (...keys: (keyof SearchFacts)[]) => {
    const rest = { ...facts };
    for (const key of keys) delete rest[key];
    return rest;
  };
  const part = (key: string, ...keys: (keyof SearchFacts)[]) => {
    const only: SearchFacts = {};
    for (const k of keys) if (facts[k] !== undefined) Object.assign(only, { [k]: facts[k] });
    if (Object.keys(only).length > 0) parts.push({ key, only, without: drop(...keys) });
  };
  part('location', 'location');
  part('rentType', 'rentType');
  part('propertyType', 'propertyType');
  part('bedrooms', 'minBedrooms', 'maxBedrooms');
  part('price', 'minPrice', 'maxPrice');
  for (const feature of facts.features ?? []) {
    const features = (facts.features ?? []).filter((f) => f !== feature);
    const without = drop('features');
    if (features.length > 0) without.features = features;
    parts.push({ key: `feature:${feature}`, only: { features: [feature] }, without });
  }
  part('q', 'q');
  return parts;
}

/**
 * What the assistant remembers of the search (the conversation's memory), each chip with
 * a button that removes it: the next reply searches without it. `action` goes at the end
 * of the row (the chat's "Save this search").
 */
export function MemoryChips({
  facts,
  onChange,
  busy,
  action,
}: {
  facts: SearchFacts;
  onChange: (facts: SearchFacts) => void;
  busy?: boolean;
  action?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const parts = factParts(facts);
  if (parts.length === 0) return null;
  return (
    <section className="memory" aria-label={t('chat.memoryTitle')}>
      <span className="memory-title">{t('chat.memoryTitle')}</span>
      <ul className="chips">
        {parts.map((part) => {
          const label = format.facts(part.only)[0] ?? part.key;
          return (
            <li key={part.key} className="chip chip-removable">
              {label}
              <button
                type="button"
                className="chip-remove"
                aria-label={t('chat.removeFilter', { label })}
                disabled={busy}
                onClick={() => onChange(part.without)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          );
        })}
      </ul>
      {action}
    </section>
  );
}
