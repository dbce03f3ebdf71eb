import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SearchFacts } from '../../api';
import { useFormat } from '../../lib/format';
import { paramsFromFilters } from '../listings/search-params';
import { chipLabels } from './chip-labels';

/** What the assistant understood, as chips, with a link to the same search on the listings page. */
export function FilterChips({ filters }: { filters: SearchFacts }) {
  const { t } = useTranslation();
  const labels = chipLabels(useFormat(), filters);
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
  onEmptied,
}: {
  facts: SearchFacts;
  /** `removed`: the chip's label, as shown, for saying what the next answer leaves out. */
  onChange: (facts: SearchFacts, removed: string) => void;
  busy?: boolean;
  action?: React.ReactNode;
  /** The last chip was removed with its ×: where focus goes now (the message box). */
  onEmptied?: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const parts = factParts(facts);
  const list = useRef<HTMLUListElement>(null);
  // The chip whose × was pressed: once it is gone, focus moves to the × now in its
  // place (the next chip's, or the last one's), never to the page.
  const removed = useRef<{ key: string; index: number } | null>(null);
  const keys = parts.map((p) => p.key).join('\n');
  useEffect(() => {
    const pending = removed.current;
    if (!pending || keys.split('\n').includes(pending.key)) return;
    removed.current = null;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('.chip-remove');
    const next = buttons?.[Math.min(pending.index, buttons.length - 1)];
    if (next) next.focus();
    else onEmptied?.();
  }, [keys, onEmptied]);
  if (parts.length === 0) return null;
  return (
    <section className="memory" aria-label={t('chat.memoryTitle')}>
      <span className="memory-title">{t('chat.memoryTitle')}</span>
      <ul className="chips" ref={list}>
        {parts.map((part, index) => {
          const label = chipLabels(format, part.only)[0] ?? part.key;
          return (
            <li key={part.key} className="chip chip-removable">
              {label}
              <button
                type="button"
                className="chip-remove"
                aria-label={t('chat.removeFilter', { label })}
                // Not `disabled`: the pressed button keeps focus while the change is saved.
                aria-disabled={busy || undefined}
                onClick={() => {
                  if (busy) return;
                  removed.current = { key: part.key, index };
                  onChange(part.without, label);
                }}
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
