import { act, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeParley, type FakeParley } from '../../../test/fake-parley';
import { conversationId, id, listing } from '../../../test/fixtures';
import { renderWithParley } from '../../../test/render';
import type { SavedSearch } from '../../api';
import { AlertsBell } from './AlertsBell';
import { SavedSearchesPage } from './SavedSearchesPage';

let fake: FakeParley;
let search: SavedSearch;

beforeEach(() => {
  fake = createFakeParley();
  search = {
    id: id(),
    name: 'Villas in Lapta',
    query: { location: 'Lapta', propertyType: 'villa' },
    conversationId,
    paused: false,
    lastAlertAt: null,
    createdAt: new Date(),
  };
  fake.on('searches.list', () => ({ items: [search], nextCursor: null }));
  fake.on('alerts.list', () => ({ items: [], unread: 0, nextCursor: null, lastEventId: '0' }));
  fake.on('alerts.events', () => undefined);
});

describe('the saved searches page, live', () => {
  it('shows a new alert on its search as it arrives, as the bell does, without a reload', async () => {
    renderWithParley(
      fake,
      <>
        <AlertsBell />
        <SavedSearchesPage />
      </>,
    );
    expect(await screen.findByText(/No alert yet/)).toBeInTheDocument();
    await waitFor(() =>
      expect(fake.subscriptions.some((s) => s.path === 'alerts.events')).toBe(true),
    );
    // The server now has the alert on the search, and says so on the stream.
    const at = new Date();
    search = { ...search, lastAlertAt: at };
    const alert = {
      id: id(),
      savedSearchId: search.id,
      listing: listing({ title: 'New villa in Lapta' }),
      reason: 'new' as const,
      previousPrice: null,
      read: false,
      createdAt: at,
    };
    act(() => fake.emitOn('alerts.events', { alert }));
    expect(await screen.findByRole('button', { name: 'Alerts: 1 unread' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText(/No alert yet/)).not.toBeInTheDocument());
    expect(screen.getByText(/Last alert just now/)).toBeInTheDocument();
  });
});
