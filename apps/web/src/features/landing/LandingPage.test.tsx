import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeParley, type FakeParley } from '../../../test/fake-parley';
import { listing } from '../../../test/fixtures';
import { startTestI18n } from '../../../test/i18n';
import { renderWithParley } from '../../../test/render';
import { AuthProvider } from '../auth/AuthProvider';
import { memoryStorage, TokenStore } from '../auth/tokens';
import { LandingPage } from './LandingPage';

let fake: FakeParley;

beforeEach(() => {
  fake = createFakeParley();
  fake.on('listings.search', () => ({
    items: [
      listing({ title: 'Harbour flat', price: 40.5, pricePeriod: 'night', rentType: 'short_term' }),
      listing({ title: 'Hill villa', price: 1250 }),
    ],
    nextCursor: null,
    total: 2,
  }));
});

function renderLanding() {
  renderWithParley(
    fake,
    <AuthProvider tokens={new TokenStore(memoryStorage())} onCredentialsChanged={() => {}}>
      <LandingPage />
    </AuthProvider>,
    { route: '/', path: '/' },
  );
}

const wentTo = () => screen.findByRole('status', { name: 'Went to' });
const state = () => JSON.parse(screen.getByRole('status', { name: 'With state' }).textContent!);

describe('landing page', () => {
  it('says what Parley is and shows a few listings, newest first', async () => {
    renderLanding();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'Find a home in North Cyprus',
    );
    expect(screen.getByText(/Parley is an assistant for renting and buying homes/)).toBeVisible();
    const recent = screen.getByRole('region', { name: 'Recently listed' });
    const cards = await within(recent).findAllByRole('article');
    expect(cards).toHaveLength(2);
    expect(cards[0]).toHaveTextContent('£40.50/night');
    expect(cards[1]).toHaveTextContent('£1,250/month');
    expect(fake.calls.find((c) => c.path === 'listings.search')?.input).toMatchObject({
      limit: 6,
      sort: 'newest',
    });
  });

  it('takes a typed request straight to the chat (no account needed)', async () => {
    const u = userEvent.setup();
    renderLanding();
    expect(screen.getByText(/No account needed/)).toBeInTheDocument();
    await u.type(
      screen.getByRole('searchbox', { name: 'What are you looking for?' }),
      '3 bedroom villa in Lapta{Enter}',
    );
    expect(await wentTo()).toHaveTextContent('/chat');
    expect(state()).toEqual({ request: '3 bedroom villa in Lapta' });
  });

  it('asks nothing for an empty box', async () => {
    const u = userEvent.setup();
    renderLanding();
    await u.click(screen.getByRole('button', { name: 'Ask' }));
    expect(screen.queryByRole('status', { name: 'Went to' })).not.toBeInTheDocument();
    expect(screen.getByRole('searchbox')).toHaveFocus();
  });

  it('sends a clicked example the same way, and offers "Start chatting"', async () => {
    const u = userEvent.setup();
    renderLanding();
    const start = screen.getByRole('link', { name: 'Start chatting' });
    expect(start).toHaveAttribute('href', '/chat');
    const examples = within(screen.getByRole('list', { name: 'Or try one of these' }));
    await u.click(
      examples.getByRole('button', { name: 'Villa with a pool near the beach in Esentepe' }),
    );
    expect(await wentTo()).toHaveTextContent('/chat');
    expect(state().request).toBe('Villa with a pool near the beach in Esentepe');
  });

  it.each([
    ['tr', "Girne'de kiralık 2+1 daire", 'Sohbete başla', '£40,50 gecelik'],
    ['ru', '2-комнатная квартира в Кирении до £800', 'Начать чат', '40,50 £ за ночь'],
  ] as const)(
    'speaks %s, with examples people write in it',
    async (language, example, cta, price) => {
      await startTestI18n(language);
      renderLanding();
      expect(screen.getByRole('button', { name: example })).toBeInTheDocument();
      expect(example).toContain(
        screen
          .getByRole('searchbox')
          .getAttribute('placeholder')!
          .replace(/^ör\. /, ''),
      );
      expect(screen.getByRole('link', { name: cta })).toBeInTheDocument();
      const cards = await screen.findAllByRole('article');
      expect(cards[0]!.textContent!.replace(/[\u00a0\u202f]/g, ' ')).toContain(price);
    },
  );
});
