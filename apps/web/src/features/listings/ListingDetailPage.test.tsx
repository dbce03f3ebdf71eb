import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeParley, FakeError, type FakeParley } from '../../../test/fake-parley';
import { conversation, conversationId, listing, session, sessionId } from '../../../test/fixtures';
import { renderSignedIn, renderWithParley } from '../../../test/render';
import { ListingDetailPage } from './ListingDetailPage';

let fake: FakeParley;
const home = listing({
  title: 'Sea-view villa',
  images: ['/media/a.webp', '/media/b.webp', 'https://img.example/c.jpg'],
});

beforeEach(() => {
  fake = createFakeParley();
  fake.on('listings.get', () => home);
  fake.on('listings.similar', () => ({ items: [] }));
});

function open(state?: unknown) {
  renderWithParley(fake, <ListingDetailPage />, {
    route: `/listings/${home.id}`,
    path: '/listings/:id',
    state,
  });
}

describe('listing page gallery', () => {
  it('shows one large photo and steps through them with the buttons, the thumbnails and the keys', async () => {
    const u = userEvent.setup();
    open();
    const gallery = await screen.findByRole('region', { name: 'Photos' });
    const large = () => within(gallery).getByRole('img', { name: /Sea-view villa/ });
    expect(large()).toHaveAttribute('src', '/media/a.webp');
    expect(large()).toHaveAccessibleName('Sea-view villa (1 of 3)');
    expect(within(gallery).getByText('1 / 3')).toBeInTheDocument();

    await u.click(within(gallery).getByRole('button', { name: 'Next photo' }));
    expect(large()).toHaveAttribute('src', '/media/b.webp');
    await u.click(within(gallery).getByRole('button', { name: 'Show photo 3 of 3' }));
    expect(large()).toHaveAttribute('src', 'https://img.example/c.jpg');
    expect(within(gallery).getByRole('button', { name: 'Show photo 3 of 3' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    // Past the last comes the first again; the arrow keys do the same as the buttons.
    await u.click(within(gallery).getByRole('button', { name: 'Next photo' }));
    expect(large()).toHaveAttribute('src', '/media/a.webp');
    fireEvent.keyDown(large(), { key: 'ArrowLeft' });
    expect(large()).toHaveAttribute('src', 'https://img.example/c.jpg');
    // Thumbnails load only when scrolled into view.
    for (const img of gallery.querySelectorAll('.gallery-thumbs img'))
      expect(img).toHaveAttribute('loading', 'lazy');
  });

  it('leaves out a photo that fails to load, and shows no gallery when none is left', async () => {
    open();
    const gallery = await screen.findByRole('region', { name: 'Photos' });
    fireEvent.error(within(gallery).getByRole('img', { name: /1 of 3/ }));
    expect(within(gallery).getByRole('img', { name: 'Sea-view villa (1 of 2)' })).toHaveAttribute(
      'src',
      '/media/b.webp',
    );
    fireEvent.error(within(gallery).getByRole('img', { name: /1 of 2/ }));
    // One photo left: no buttons, no count.
    expect(within(gallery).queryByRole('button')).toBeNull();
    fireEvent.error(within(gallery).getByRole('img', { name: /1 of 1/ }));
    expect(screen.queryByRole('region', { name: 'Photos' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Sea-view villa' })).toBeInTheDocument();
  });
});

describe('listing page Back', () => {
  it('names and leads to the page the listing was opened from', async () => {
    open({ from: '/chat/1234' });
    const back = await screen.findByRole('link', { name: 'Back to the conversation' });
    expect(back).toHaveAttribute('href', '/chat/1234');
  });

  it('keeps the search filters when opened from the list', async () => {
    const u = userEvent.setup();
    open({ from: '/listings?location=Girne&maxPrice=900' });
    const back = await screen.findByRole('link', { name: 'Back to listings' });
    expect(back).toHaveAttribute('href', '/listings?location=Girne&maxPrice=900');
    await u.click(back);
    expect(await screen.findByRole('status', { name: 'Went to' })).toHaveTextContent('/listings');
  });

  it('offers the listings when opened directly', async () => {
    open();
    expect(await screen.findByRole('link', { name: 'Back to listings' })).toHaveAttribute(
      'href',
      '/listings',
    );
  });
});

describe('a listing that is not there', () => {
  // The tab's title is what a screen reader says first, and what history keeps.
  it('is titled "Listing not found", as its heading says, for an id that is no id', async () => {
    renderWithParley(fake, <ListingDetailPage />, {
      route: '/listings/nope',
      path: '/listings/:id',
    });
    await screen.findByRole('heading', { level: 1, name: 'Listing not found' });
    await waitFor(() => expect(document.title).toBe('Listing not found · Parley'));
  });

  it('is titled "Listing not found" when the server has no such listing', async () => {
    fake.on('listings.get', () => {
      throw new FakeError('NOT_FOUND', 'Listing not found');
    });
    open();
    await screen.findByRole('heading', { level: 1, name: 'Listing not found' });
    await waitFor(() => expect(document.title).toBe('Listing not found · Parley'));
  });
});

describe('similar listings', () => {
  it('shows listings like this one, each opening with Back to this listing', async () => {
    fake.on('listings.similar', () => ({ items: [listing({ title: 'Villa next door' })] }));
    open();
    const section = await screen.findByRole('region', { name: 'Similar homes' });
    const link = within(section).getByRole('link', { name: 'Villa next door' });
    expect(link).toBeInTheDocument();
    expect(fake.calls.find((c) => c.path === 'listings.similar')?.input).toEqual({
      id: home.id,
      limit: 4,
    });
  });

  it('shows no section when there is nothing alike', async () => {
    open();
    await screen.findByRole('heading', { name: 'Sea-view villa' });
    expect(screen.queryByRole('region', { name: 'Similar homes' })).toBeNull();
  });
});

describe('asking an agent from the listing page', () => {
  it('starts a conversation named after the listing, which the chat and the sidebar show', async () => {
    fake.on('conversations.create', (input: { title?: string }) =>
      conversation({ title: input.title ?? null }),
    );
    fake.on('sessions.create', () => ({
      session: session(),
      conversation: conversation(),
      clientSecret: 'cs_test',
      clientSecretExpiresAt: new Date(),
    }));
    fake.on('sessions.requestAgent', () => conversation());
    const u = userEvent.setup();
    renderSignedIn(fake, <ListingDetailPage />, {
      route: `/listings/${home.id}`,
      path: '/listings/:id',
    });
    await u.click(await screen.findByRole('button', { name: 'Ask about this listing' }));
    expect(await screen.findByText('Elsewhere')).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Went to' })).toHaveTextContent(
      `/chat/${conversationId}`,
    );
    expect(screen.getByRole('status', { name: 'With state' })).toHaveTextContent(
      JSON.stringify({ askedAbout: { id: home.id, title: 'Sea-view villa' } }),
    );
    const path = (p: string) => fake.calls.find((c) => c.path === p)?.input;
    expect(path('conversations.create')).toEqual({ title: 'About Sea-view villa' });
    expect(path('sessions.create')).toEqual({ conversationId });
    expect(path('sessions.requestAgent')).toEqual({
      sessionId,
      listingId: home.id,
      reason: 'Sea-view villa',
    });
  });
});
