/**
 * `useAlerts` in React (StrictMode, jsdom) against a real server: the first page and the
 * unread count, an alert made while the page loads and one made later both shown once,
 * live, and read marks. Listings are written straight into the database, as any tool
 * would; the server's job engine does the matching.
 */
import './support/dom';
import { randomUUID } from 'node:crypto';
import { QueryClient } from '@tanstack/react-query';
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { createElement, StrictMode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createParleyClient, type ParleyClient } from '../src/node';
import { ParleyProvider, type UseAlertsResult, useAlerts } from '../src/react';
import { startRestartableServer } from './server';

type Restartable = Awaited<ReturnType<typeof startRestartableServer>>;
let server: Restartable;
const clients: ParleyClient[] = [];

beforeAll(async () => {
  server = await startRestartableServer('sdk_use_alerts');
});
afterEach(() => cleanup());
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server?.close();
});

async function list(title: string): Promise<string> {
  const [row] = await server.server.db.query<{ id: string }>(
    `INSERT INTO listings (id, title, description, location, district, rent_type, property_type,
       bedrooms, bathrooms, area_sqm, price)
     VALUES (gen_random_uuid(), $1, 'A flat', 'Girne', 'Girne', 'long_term', 'apartment', 2, 1, 70, 900)
     RETURNING id`,
    [title],
  );
  return row!.id;
}

function Bell({ expose }: { expose: (state: UseAlertsResult) => void }) {
  const state = useAlerts();
  expose(state);
  return createElement(
    'ol',
    { 'aria-label': `unread ${state.unread}`, 'data-status': state.status },
    state.alerts.map((a) =>
      createElement('li', { key: a.id }, `${a.listing.title}:${a.read ? 'read' : 'new'}`),
    ),
  );
}

describe('useAlerts', () => {
  it('shows the alerts and unread count, live, once each, and marks them read', async () => {
    const anonymous = createParleyClient({ url: server.url, transport: 'http' });
    clients.push(anonymous);
    const user = await anonymous.auth.register.mutate({
      email: `bell-${randomUUID().slice(0, 8)}@example.com`,
      password: `violet harbour ${randomUUID().slice(0, 8)}`,
      name: 'Bell',
    });
    const client = createParleyClient({ url: server.url, token: user.accessToken });
    clients.push(client);
    await client.searches.create.mutate({ query: { location: 'Girne' } });
    await list('Before the page');
    await waitFor(async () => expect((await client.alerts.list.query({})).items).toHaveLength(1), {
      timeout: 15_000,
    });

    let state: UseAlertsResult | undefined;
    const { container } = render(
      createElement(
        StrictMode,
        null,
        createElement(
          ParleyProvider,
          { client, queryClient: new QueryClient() },
          createElement(Bell, {
            expose: (s) => {
              state = s;
            },
          }),
        ),
      ),
    );
    const bell = () => container.querySelector('ol')!;
    await waitFor(() => expect(bell().getAttribute('data-status')).toBe('live'));
    expect(bell().getAttribute('aria-label')).toBe('unread 1');

    await list('Came in live');
    await waitFor(() => expect(bell().getAttribute('aria-label')).toBe('unread 2'), {
      timeout: 15_000,
    });
    expect([...bell().querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Came in live:new',
      'Before the page:new',
    ]);

    // React Query tells its observers on the next tick: wait for the render.
    await act(() => state!.markRead([state!.alerts[1]!.id]));
    await waitFor(() => expect(bell().getAttribute('aria-label')).toBe('unread 1'));
    await act(() => state!.markRead('all'));
    await waitFor(() => expect(bell().getAttribute('aria-label')).toBe('unread 0'));
    expect([...bell().querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Came in live:read',
      'Before the page:read',
    ]);
  }, 60_000);
});
