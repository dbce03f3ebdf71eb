import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { startTestI18n } from '../../../test/i18n';
import { i18n } from '../../i18n/i18n';
import { makeFormat } from '../../lib/format';
import { chipLabels } from './chip-labels';
import { FilterChips } from './FilterChips';

const facts = {
  location: 'Lapta',
  rentType: 'long_term' as const,
  propertyType: 'apartment' as const,
  minBedrooms: 2,
  maxBedrooms: 2,
  features: ['pool' as const],
};

describe('chip labels in the words of the reply above them', () => {
  it('Russian: the town in Cyrillic, as the reply says "в Лапте"', async () => {
    await startTestI18n('ru');
    render(
      <MemoryRouter>
        <FilterChips filters={facts} />
      </MemoryRouter>,
    );
    const chips = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(chips[0]).toHaveTextContent('Лапта');
    expect(screen.getByRole('list')).not.toHaveTextContent('Lapta');
  });

  it('Turkish: an exact bedroom count as "2+1", as the assistant writes it', async () => {
    await startTestI18n('tr');
    const labels = chipLabels(makeFormat(i18n.t, 'tr'), facts);
    expect(labels[0]).toBe('Lapta');
    expect(labels).toContain('2+1');
    expect(labels.join(' ')).not.toContain('yatak odası');
    // A range stays in words: "2+1" names one size.
    expect(chipLabels(makeFormat(i18n.t, 'tr'), { minBedrooms: 2 }).join()).toContain('En az 2');
  });

  it('English keeps the names on the listings and says bedrooms in words', async () => {
    const labels = chipLabels(makeFormat(i18n.t, 'en'), facts);
    expect(labels[0]).toBe('Lapta');
    expect(labels).toContain('2 bedrooms');
  });
});
