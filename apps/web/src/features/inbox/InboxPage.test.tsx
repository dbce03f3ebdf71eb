import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeParley, type FakeParley } from '../../../test/fake-parley';
import { conversation, id, message } from '../../../test/fixtures';
import { startTestI18n } from '../../../test/i18n';
import { renderSignedIn } from '../../../test/render';
import type { InboxItem } from '../../api';
import { InboxPage } from './InboxPage';

let fake: FakeParley;

function item(over: Partial<InboxItem> = {}): InboxItem {
  const c = conversation({ id: id(), title: 'Villa in Lapta' });
  return {
    conversation: c,
    customer: { id: id(), name: 'Deniz', email: 'deniz@example.com', endUserId: null },
    brief: { summary: 'a villa in Lapta', facts: {}, listingsShown: [], listing: null },
    lastMessage: null,
    lastCustomerMessage: null,
    language: null,
    waitingSince: new Date(Date.now() - 7 * 60_000),
    ...over,
  };
}

beforeEach(() => {
  fake = createFakeParley();
  fake.on('inbox.events', () => undefined);
});

function renderInbox(waiting: InboxItem[]) {
  fake.on('inbox.list', (input: { filter: string }) => ({
    items: input.filter === 'waiting' ? waiting : [],
    nextCursor: null,
  }));
  renderSignedIn(fake, <InboxPage />);
}

describe('a waiting card in the inbox', () => {
  it('says how long the customer has waited, their language, and whose the last words are', async () => {
    renderInbox([
      item({
        lastMessage: message({
          role: 'assistant',
          content: 'Bir temsilci birazdan burada olacak.',
          metadata: { language: 'tr' },
        }),
        language: 'tr',
      }),
    ]);
    const list = await screen.findByRole('region', { name: 'Waiting for a person' });
    const card = (await within(list).findAllByRole('listitem'))[0]!;
    expect(card).toHaveTextContent('Waiting 7 minutes');
    expect(card).toHaveTextContent('Language: Turkish');
    expect(card.querySelector('.inbox-last')).toHaveTextContent(
      'Assistant Bir temsilci birazdan burada olacak.',
    );
  });

  it("shows the customer's own last words though the assistant spoke after them", async () => {
    renderInbox([
      item({
        lastMessage: message({ role: 'assistant', content: 'Here are three villas.' }),
        lastCustomerMessage: message({ role: 'user', content: 'Havuzlu villa var mı?' }),
        language: 'tr',
      }),
    ]);
    const card = (await screen.findAllByRole('listitem'))[0]!;
    expect(card.querySelector('.inbox-last')).toHaveTextContent('Customer Havuzlu villa var mı?');
    expect(card).toHaveTextContent('Language: Turkish');
  });

  it("marks the customer's own last message as theirs, in Russian too", async () => {
    await startTestI18n('ru');
    renderInbox([
      item({
        waitingSince: new Date(Date.now() - 3 * 3_600_000),
        lastMessage: message({ role: 'user', content: 'Есть что-нибудь с бассейном?' }),
        lastCustomerMessage: message({ role: 'user', content: 'Есть что-нибудь с бассейном?' }),
      }),
    ]);
    const card = (await screen.findAllByRole('listitem'))[0]!;
    expect(card).toHaveTextContent('Ждёт 3 часа');
    expect(card.querySelector('.inbox-last')).toHaveTextContent(
      'Клиент Есть что-нибудь с бассейном?',
    );
    // No reply yet, so no language the assistant answered in: none is guessed.
    expect(card).not.toHaveTextContent('Язык');
  });
});

describe('the waiting list, for a screen reader and on a phone', () => {
  it('names each Claim button with its customer', async () => {
    renderInbox([
      item(),
      item({
        customer: { id: id(), name: 'Guest', email: 'guest-1@guest.invalid', endUserId: null },
      }),
    ]);
    expect(
      await screen.findByRole('button', { name: 'Claim conversation with Deniz' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Claim conversation with Guest' }),
    ).toBeInTheDocument();
  });

  it('announces a customer who joins the list, politely', async () => {
    let waiting = [item()];
    fake.on('inbox.list', (input: { filter: string }) => ({
      items: input.filter === 'waiting' ? waiting : [],
      nextCursor: null,
    }));
    renderSignedIn(fake, <InboxPage />);
    await screen.findByRole('button', { name: 'Claim conversation with Deniz' });
    const live = document.querySelector('[aria-live="polite"]')!;
    expect(live).toBeEmptyDOMElement();
    waiting = [
      ...waiting,
      item({ customer: { id: id(), name: 'Elif', email: 'elif@example.com', endUserId: null } }),
    ];
    await waitFor(() =>
      expect(fake.subscriptions.some((s) => s.path === 'inbox.events')).toBe(true),
    );
    act(() => fake.emitOn('inbox.events', { type: 'handoff.requested' }));
    await waitFor(() => expect(live).toHaveTextContent('New: Elif. 2 waiting.'));
  });

  it('says "Ждёт меньше минуты" for someone who just asked, in Russian', async () => {
    await startTestI18n('ru');
    renderInbox([item({ waitingSince: new Date() })]);
    const card = (await screen.findAllByRole('listitem'))[0]!;
    expect(card).toHaveTextContent('Ждёт меньше минуты');
  });

  it('says "Ждёт 1 минуту", as Russian says it after "ждёт"', async () => {
    await startTestI18n('ru');
    renderInbox([item({ waitingSince: new Date(Date.now() - 61_000) })]);
    const card = (await screen.findAllByRole('listitem'))[0]!;
    expect(card).toHaveTextContent('Ждёт 1 минуту');
  });

  it('points at "Yours" when the agent already holds one', async () => {
    fake.on('inbox.list', (input: { filter: string }) => ({
      items: input.filter === 'mine' ? [item()] : [],
      nextCursor: null,
    }));
    renderSignedIn(fake, <InboxPage />);
    expect(
      await screen.findByText('Open one of yours, or claim a waiting conversation, to answer it.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Claim a conversation to answer it.')).not.toBeInTheDocument();
  });
});
