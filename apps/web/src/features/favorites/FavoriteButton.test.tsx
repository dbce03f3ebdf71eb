import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeParley, FakeError, type FakeParley } from '../../../test/fake-parley';
import { listing } from '../../../test/fixtures';
import { renderWithParley } from '../../../test/render';
import { AuthProvider } from '../auth/AuthProvider';
import { memoryStorage, TokenStore } from '../auth/tokens';
import { ListingCard } from '../listings/ListingCard';

const guest = {
  id: '77777777-7777-4777-8777-777777777777',
  email: 'guest-7777@guests.parley.invalid',
  name: 'Guest',
  role: 'guest' as const,
  createdAt: new Date(),
};

function renderCards(fake: FakeParley, titles: string[]) {
  const listings = titles.map((title) => listing({ title }));
  renderWithParley(
    fake,
    <AuthProvider tokens={new TokenStore(memoryStorage())} onCredentialsChanged={() => {}}>
      {listings.map((l) => (
        <ListingCard key={l.id} listing={l} />
      ))}
    </AuthProvider>,
    { route: '/listings?location=Girne', path: '/listings' },
  );
  return listings;
}

describe('the heart on a card', () => {
  it('makes a signed-out visitor a guest at the first heart (one guest for two hearts) and saves both', async () => {
    const fake = createFakeParley();
    const saved: unknown[] = [];
    // The guest is still being made when the second heart is pressed.
    let answer = () => {};
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    fake.on('auth.guest', async () => {
      await answered;
      return {
        user: guest,
        accessToken: 'jwt-guest',
        refreshToken: '',
        accessTokenExpiresAt: new Date(Date.now() + 900_000),
      };
    });
    fake.on('favorites.add', (input: { listingId: string }) => {
      saved.unshift(listings.find((l) => l.id === input.listingId));
      return { ok: true };
    });
    fake.on('favorites.list', () => ({ items: saved, nextCursor: null }));
    const u = userEvent.setup();
    const listings = renderCards(fake, ['Garden house', 'Sea flat']);
    const first = await screen.findByRole('button', { name: 'Save Garden house to favourites' });
    expect(first).toHaveAttribute('aria-pressed', 'false');
    // Nothing is asked of the server for a visitor until a heart is pressed.
    expect(
      fake.calls.filter((c) => c.path.startsWith('favorites.') || c.path === 'auth.guest'),
    ).toEqual([]);
    await u.click(first);
    await u.click(screen.getByRole('button', { name: 'Save Sea flat to favourites' }));
    answer();
    for (const title of ['Garden house', 'Sea flat']) {
      expect(
        await screen.findByRole('button', { name: `Remove ${title} from favourites` }),
      ).toHaveAttribute('aria-pressed', 'true');
    }
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.path === 'favorites.add').map((c) => c.input)).toEqual(
        listings.map((l) => ({ listingId: l.id })),
      ),
    );
    expect(fake.calls.filter((c) => c.path === 'auth.guest')).toHaveLength(1);
    expect(screen.queryByRole('status', { name: 'Went to' })).not.toBeInTheDocument();
  });

  it('sends a visitor to sign in, and back to the same page after, when no guest can be started', async () => {
    const fake = createFakeParley();
    fake.on('auth.guest', () => {
      throw new FakeError('TOO_MANY_REQUESTS', 'Too many guests', { retryAfter: 60 });
    });
    const u = userEvent.setup();
    renderCards(fake, ['Garden house']);
    await u.click(await screen.findByRole('button', { name: 'Save Garden house to favourites' }));
    expect(await screen.findByRole('status', { name: 'Went to' })).toHaveTextContent('/signin');
    expect(JSON.parse(screen.getByRole('status', { name: 'With state' }).textContent!)).toEqual({
      from: '/listings?location=Girne',
    });
    expect(fake.calls.filter((c) => c.path.startsWith('favorites.'))).toEqual([]);
  });
});
