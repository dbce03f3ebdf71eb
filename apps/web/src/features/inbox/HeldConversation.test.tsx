import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeParley, FakeError, type FakeParley } from '../../../test/fake-parley';
import { conversation, id, message, session } from '../../../test/fixtures';
import { startTestI18n } from '../../../test/i18n';
import { renderSignedIn } from '../../../test/render';
import type { InboxItem } from '../../api';
import { InboxPage } from './InboxPage';

/**
 * The agent's side of a claimed conversation: who wrote what (a site's visitor is the
 * visitor, not the key's owner), where the focus goes, the customer's language, typing
 * both ways, and what a lost claim race says.
 */

let fake: FakeParley;
const agentSession = '44444444-4444-4444-8444-444444444444';
const convId = '55555555-5555-4555-8555-555555555555';
const owner = {
  id: '66666666-6666-4666-8666-666666666666',
  name: 'Ada Admin',
  email: 'admin@b.test',
  endUserId: 'visitor-42',
};

function item(over: Partial<InboxItem> = {}): InboxItem {
  return {
    conversation: conversation({ id: convId, title: 'Villa in Lapta', mode: 'waiting' }),
    customer: { id: id(), name: 'Deniz', email: 'deniz@example.com', endUserId: null },
    brief: { summary: 'No preferences yet.', facts: {}, listingsShown: [], listing: null },
    lastMessage: null,
    lastCustomerMessage: null,
    language: 'tr',
    waitingSince: new Date(Date.now() - 7 * 60_000),
    ...over,
  };
}

function setUp(waiting: InboxItem) {
  let claimed = false;
  fake.on('inbox.list', (input: { filter: string }) => ({
    items:
      input.filter === 'waiting' && !claimed
        ? [waiting]
        : input.filter === 'mine' && claimed
          ? [waiting]
          : [],
    nextCursor: null,
  }));
  fake.on('inbox.get', () => waiting);
  fake.on('inbox.claim', () => {
    claimed = true;
    return {
      conversation: { ...waiting.conversation, mode: 'agent' },
      session: session({ id: agentSession, conversationId: convId }),
    };
  });
  fake.on('sessions.get', () => session({ id: agentSession, conversationId: convId }));
  fake.on('conversations.messages', () => ({ items: [], nextCursor: null }));
  fake.on('sessions.memory', () => ({ summary: '', facts: {} }));
  fake.on('sessions.typing', () => ({ ok: true }));
  renderSignedIn(fake, <InboxPage />);
}

beforeEach(() => {
  fake = createFakeParley();
  fake.on('inbox.events', () => undefined);
});

/** The agent's stream replays the conversation: here are its messages. */
async function replay(...messages: ReturnType<typeof message>[]) {
  await waitFor(() =>
    expect(fake.subscriptions.some((s) => s.input.sessionId === agentSession)).toBe(true),
  );
  act(() => {
    for (const m of messages) fake.emit(agentSession, { type: 'message.created', message: m });
  });
}

const typingCalls = () =>
  fake.calls.filter((c) => c.path === 'sessions.typing').map((c) => c.input);

describe("a widget's visitor", () => {
  it('shows as the visitor of the site, the key owner only as "via", in the list and the conversation', async () => {
    const u = userEvent.setup();
    setUp(
      item({
        customer: owner,
        lastCustomerMessage: message({ role: 'user', content: 'Is the villa free in May?' }),
      }),
    );
    const list = await screen.findByRole('region', { name: 'Waiting for a person' });
    const card = (await within(list).findAllByRole('listitem'))[0]!;
    expect(card).toHaveTextContent('Visitor · visitor-42');
    expect(card).not.toHaveTextContent('Ada Admin');
    await u.click(
      within(card).getByRole('button', { name: 'Claim conversation with Visitor · visitor-42' }),
    );
    const log = await screen.findByRole('log', { name: 'Conversation' });
    await replay(
      message({
        conversationId: convId,
        role: 'user',
        content: 'Is the villa free in May?',
        author: { id: owner.id, name: 'Ada Admin', role: 'admin' },
      }),
    );
    await within(log).findByText('Is the villa free in May?');
    expect(log.querySelector('.inbox-author')).toHaveTextContent('Visitor · visitor-42');
    expect(log).not.toHaveTextContent('Ada Admin');
    const brief = screen.getByRole('complementary', { name: 'What the customer wants' });
    await waitFor(() => expect(brief).toHaveTextContent('Visitor · visitor-42 via Ada Admin'));
    expect(brief).not.toHaveTextContent('admin@b.test');
  });

  it("labels a signed-in customer's messages with their name", async () => {
    const u = userEvent.setup();
    setUp(item());
    await u.click(await screen.findByRole('button', { name: 'Claim conversation with Deniz' }));
    const log = await screen.findByRole('log', { name: 'Conversation' });
    await replay(
      message({
        conversationId: convId,
        role: 'user',
        content: 'hello',
        author: { id: id(), name: 'Deniz', role: 'user' },
      }),
    );
    await within(log).findByText('hello');
    expect(log.querySelector('.inbox-author')).toHaveTextContent('Deniz');
  });
});

describe('claiming', () => {
  it('by keyboard puts the focus in the reply box', async () => {
    const u = userEvent.setup();
    setUp(item());
    const claim = await screen.findByRole('button', { name: 'Claim conversation with Deniz' });
    claim.focus();
    await u.keyboard('{Enter}');
    const reply = await screen.findByRole('textbox', { name: 'Reply' });
    await waitFor(() => expect(reply).toHaveFocus());
  });

  for (const action of ['Hand back to the assistant', 'Back to waiting']) {
    it(`gives the focus to the waiting list after "${action}", not to the page's top`, async () => {
      const u = userEvent.setup();
      setUp(item());
      fake.on('inbox.release', (input: { to: string }) => ({
        ...item().conversation,
        mode: input.to === 'waiting' ? 'waiting' : 'assistant',
      }));
      await u.click(await screen.findByRole('button', { name: 'Claim conversation with Deniz' }));
      await screen.findByRole('log', { name: 'Conversation' });
      const button = screen.getByRole('button', { name: action });
      button.focus();
      await u.keyboard('{Enter}');
      await waitFor(() => expect(screen.queryByRole('log')).not.toBeInTheDocument());
      expect(screen.getByRole('heading', { name: 'Waiting for a person' })).toHaveFocus();
    });
  }

  it('keeps the transcript a list inside its log (the role is on a wrapper, not the <ol>)', async () => {
    const u = userEvent.setup();
    setUp(item());
    await u.click(await screen.findByRole('button', { name: 'Claim conversation with Deniz' }));
    const log = await screen.findByRole('log', { name: 'Conversation' });
    await replay(message({ conversationId: convId, role: 'user', content: 'hello' }));
    const list = within(log).getByRole('list');
    expect(list.tagName).toBe('OL');
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('hello');
  });

  it("keeps the customer's language beside the claimed conversation, and says 'no preferences' in Turkish", async () => {
    await startTestI18n('tr');
    const u = userEvent.setup();
    setUp(item());
    const list = await screen.findByRole('region', { name: 'Temsilci bekleyenler' });
    const card = (await within(list).findAllByRole('listitem'))[0]!;
    expect(card).toHaveTextContent('Henüz bir tercih yok.');
    expect(card).not.toHaveTextContent('No preferences yet.');
    await u.click(within(card).getByRole('button', { name: 'Deniz ile konuşmayı üstlen' }));
    const brief = await screen.findByRole('complementary', { name: 'Müşterinin istediği' });
    await waitFor(() => expect(brief).toHaveTextContent('Dil: Türkçe'));
    expect(brief).toHaveTextContent('Henüz bir tercih yok.');
    expect(brief).not.toHaveTextContent('No preferences yet.');
  });

  it('says the search in Russian words, not the English summary', async () => {
    await startTestI18n('ru');
    setUp(
      item({
        brief: {
          summary: 'Looking for villas in Lapta.',
          facts: { location: 'Lapta', propertyType: 'villa' },
          listingsShown: [],
          listing: null,
        },
      }),
    );
    const card = (await screen.findAllByRole('listitem'))[0]!;
    expect(card).toHaveTextContent('Ищет:');
    expect(card).not.toHaveTextContent('Looking for');
  });

  it('says in a sentence, with no reference, that another agent was quicker', async () => {
    const u = userEvent.setup();
    setUp(item());
    fake.on('inbox.claim', () => {
      throw new FakeError('CONFLICT', 'Ada Admin is already answering this conversation');
    });
    await u.click(await screen.findByRole('button', { name: 'Claim conversation with Deniz' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/^Ada Admin is already answering this conversation\.$/);
    expect(alert).not.toHaveTextContent('Reference');
    expect(alert).not.toHaveTextContent('req-test');
  });

  it('says it in Russian too', async () => {
    await startTestI18n('ru');
    const u = userEvent.setup();
    setUp(item());
    fake.on('inbox.claim', () => {
      throw new FakeError('CONFLICT', 'Ada Admin is already answering this conversation');
    });
    await u.click(await screen.findByRole('button', { name: 'Взять разговор с клиентом Deniz' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Этот разговор уже ведёт Ada Admin.',
    );
  });

  it('marks the open conversation in "Yours"', async () => {
    const u = userEvent.setup();
    setUp(item());
    await u.click(await screen.findByRole('button', { name: 'Claim conversation with Deniz' }));
    await screen.findByRole('log', { name: 'Conversation' });
    const yours = await screen.findByRole('button', { current: true });
    expect(yours).toHaveTextContent('Deniz');
    expect(yours).toHaveClass('is-open');
  });
});

describe('typing, between the customer and the agent', () => {
  it('shows "Deniz is typing…" while the customer types, gone when they stop', async () => {
    const u = userEvent.setup();
    setUp(item());
    await u.click(await screen.findByRole('button', { name: 'Claim conversation with Deniz' }));
    await screen.findByRole('log', { name: 'Conversation' });
    await waitFor(() =>
      expect(fake.subscriptions.some((s) => s.input.sessionId === agentSession)).toBe(true),
    );
    act(() => fake.emit(agentSession, { type: 'typing', actor: 'user', typing: true }));
    expect(await screen.findByText('Deniz is typing…')).toBeInTheDocument();
    act(() => fake.emit(agentSession, { type: 'typing', actor: 'user', typing: false }));
    await waitFor(() => expect(screen.queryByText('Deniz is typing…')).not.toBeInTheDocument());
    // The agent's own typing, echoed back, is not the customer's.
    act(() =>
      fake.emit(agentSession, { type: 'typing', actor: 'agent', typing: true, name: 'Ayla' }),
    );
    expect(screen.queryByText(/is typing/)).not.toBeInTheDocument();
  });

  it("sends the agent's typing once when it starts, and false on send", async () => {
    const u = userEvent.setup();
    setUp(item());
    await u.click(await screen.findByRole('button', { name: 'Claim conversation with Deniz' }));
    const reply = await screen.findByRole('textbox', { name: 'Reply' });
    await waitFor(() =>
      expect(fake.subscriptions.some((s) => s.input.sessionId === agentSession)).toBe(true),
    );
    fake.on('sessions.send', () => ({ message: message({ conversationId: convId }), run: null }));
    await u.type(reply, 'Hello there');
    await waitFor(() => expect(typingCalls()).toEqual([{ sessionId: agentSession, typing: true }]));
    await u.keyboard('{Enter}');
    await waitFor(() =>
      expect(typingCalls()).toEqual([
        { sessionId: agentSession, typing: true },
        { sessionId: agentSession, typing: false },
      ]),
    );
  });
});
