import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeParley, type FakeParley } from '../../../test/fake-parley';
import { listing } from '../../../test/fixtures';
import { renderWithParley } from '../../../test/render';
import { ListingsPage } from './ListingsPage';

let fake: FakeParley;

function Where() {
  const location = useLocation();
  return <output aria-label="URL">{location.pathname + location.search}</output>;
}

beforeEach(() => {
  fake = createFakeParley();
  fake.on('listings.search', (input: { cursor?: string }) =>
    input.cursor
      ? { items: [listing({ title: 'Page two flat' })], nextCursor: null, total: 3 }
      : {
          items: [listing({ title: 'Harbour flat' }), listing({ title: 'Hill villa' })],
          nextCursor: 'c2',
          total: 3,
        },
  );
});

const searches = () => fake.calls.filter((c) => c.path === 'listings.search').map((c) => c.input);

describe('listings page', () => {
  it('reads every filter from the URL and sends it as the query', async () => {
    renderWithParley(fake, <ListingsPage />, {
      route:
        '/listings?location=Girne&rentType=long_term&minBedrooms=2&maxPrice=1000&features=pool&sort=price_asc',
      path: '/listings',
    });
    expect(await screen.findByRole('heading', { name: '3 listings' })).toBeInTheDocument();
    // (tRPC's infinite query adds `direction`; the server ignores it.)
    expect(searches()[0]).toMatchObject({
      location: 'Girne',
      rentType: 'long_term',
      minBedrooms: 2,
      maxPrice: 1000,
      features: ['pool'],
      sort: 'price_asc',
      limit: 12,
    });
    expect(screen.getByLabelText('Location')).toHaveValue('Girne');
    expect(screen.getByLabelText('Rent or buy')).toHaveValue('long_term');
    expect(screen.getByRole('checkbox', { name: 'Pool' })).toBeChecked();
  });

  it('writes choices to the URL at once and typed values on Search; pages with Load more', async () => {
    const u = userEvent.setup();
    renderWithParley(
      fake,
      <>
        <ListingsPage />
        <Where />
      </>,
      { route: '/listings', path: '/listings' },
    );
    const results = await screen.findByRole('region', { name: '3 listings' });
    expect(within(results).getAllByRole('article')).toHaveLength(2);

    await u.selectOptions(screen.getByLabelText('Property type'), 'villa');
    await waitFor(() =>
      expect(screen.getByLabelText('URL')).toHaveTextContent('/listings?propertyType=villa'),
    );
    await u.type(screen.getByLabelText('Min price'), '400');
    expect(screen.getByLabelText('URL')).toHaveTextContent('/listings?propertyType=villa');
    await u.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() =>
      expect(screen.getByLabelText('URL')).toHaveTextContent(
        '/listings?propertyType=villa&minPrice=400',
      ),
    );

    await u.click(await screen.findByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(results).getAllByRole('article')).toHaveLength(3));
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('refuses a max price below the min price, naming the field, and offers no saving', async () => {
    const u = userEvent.setup();
    renderWithParley(
      fake,
      <>
        <ListingsPage />
        <Where />
      </>,
      { route: '/listings', path: '/listings' },
    );
    await screen.findByRole('region', { name: '3 listings' });
    await u.type(screen.getByLabelText('Min price'), '5000');
    await u.type(screen.getByLabelText('Max price'), '100');
    await u.click(screen.getByRole('button', { name: 'Search' }));
    const max = screen.getByLabelText('Max price');
    expect(max).toHaveAttribute('aria-invalid', 'true');
    expect(max).toHaveAccessibleDescription('Max price must not be less than Min price.');
    expect(max).toHaveFocus();
    expect(screen.getByLabelText('URL')).toHaveTextContent(/^\/listings$/);

    await u.clear(max);
    await u.type(max, '6000');
    await u.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() =>
      expect(screen.getByLabelText('URL')).toHaveTextContent('minPrice=5000&maxPrice=6000'),
    );
    expect(max).not.toHaveAttribute('aria-invalid');
  });

  it('asks for a town before a search can be saved (a saved search names a place)', async () => {
    renderWithParley(fake, <ListingsPage />, {
      route: '/listings?maxPrice=900',
      path: '/listings',
    });
    expect(
      await screen.findByText('Choose a town to save this search and hear of new listings.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Save this search/ })).not.toBeInTheDocument();
  });

  it('offers to save a search that names a town', async () => {
    renderWithParley(fake, <ListingsPage />, {
      route: '/listings?location=Girne&maxPrice=900',
      path: '/listings',
    });
    expect(await screen.findByRole('link', { name: 'Save this search' })).toBeInTheDocument();
    expect(screen.queryByText(/Choose a town to save/)).not.toBeInTheDocument();
  });

  it('says so instead of "Save this search" for such a range in the URL', async () => {
    renderWithParley(fake, <ListingsPage />, {
      route: '/listings?minPrice=5000&maxPrice=100',
      path: '/listings',
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Max price must not be less than Min price.',
    );
    expect(screen.queryByRole('button', { name: /Save this search/ })).not.toBeInTheDocument();
  });
});
