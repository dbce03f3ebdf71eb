import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createFakeParley,
  FakeError,
  FakeNetworkError,
  type FakeParley,
} from '../../../test/fake-parley';
import {
  conversation,
  conversationId,
  deferred,
  id,
  listing,
  message,
  reply,
  run,
  session,
  sessionId,
} from '../../../test/fixtures';
import { renderSignedIn, renderWithParley } from '../../../test/render';
import type { SendResult } from '../../api';
import { ChatPage } from './ChatPage';

const QUESTION = '2 bedroom apartment in Girne for long-term rent under 1000';

let fake: FakeParley;
let send: ReturnType<typeof deferred<SendResult>>;

beforeEach(() => {
  // A message left unsent by one test is a draft (draft.ts) the next would find restored.
  for (const key of Object.keys(localStorage))
    if (key.startsWith('parley.draft.')) localStorage.removeItem(key);
  fake = createFakeParley();
  send = deferred<SendResult>();
  fake.on('conversations.list', () => ({ items: [conversation()], nextCursor: null }));
  fake.on('conversations.get', () => conversation());
  fake.on('conversations.messages', () => ({ items: [], nextCursor: null }));
  fake.on('sessions.create', () => ({
    session: session(),
    conversation: conversation(),
    clientSecret: 'cs_test',
    clientSecretExpiresAt: new Date(),
  }));
  fake.on('sessions.send', () => send.promise);
  fake.on('sessions.memory', () => ({ summary: '', facts: {} }));
  fake.on('conversations.create', () => conversation({ title: null }));
});

function renderChat() {
  renderWithParley(fake, <ChatPage />, {
    route: `/chat/${conversationId}`,
    path: '/chat/:conversationId',
  });
  return {
    log: () => screen.getByRole('log', { name: 'Messages' }),
    /** The messages themselves, not the chips and features listed inside them. */
    messages: () =>
      [
        ...(screen.getByRole('log', { name: 'Messages' }).querySelector('ol')?.children ?? []),
      ].filter((e) => e.tagName === 'LI'),
  };
}

async function subscribed() {
  await waitFor(() => expect(fake.subscriptions).toHaveLength(1));
  expect(fake.subscriptions[0]!.input.sessionId).toBe(sessionId);
}

describe('chat pane', () => {
  it('shows the message at once, and only once when the server confirms it', async () => {
    const user = userEvent.setup();
    const { messages } = renderChat();
    await subscribed();
    const box = screen.getByRole('textbox', { name: 'Message' });
    await user.type(box, `${QUESTION}{Enter}`);

    // Optimistic: on screen before the server has answered anything.
    expect(messages()).toHaveLength(1);
    expect(messages()[0]).toHaveTextContent(QUESTION);
    expect(messages()[0]).toHaveTextContent('Sending…');
    expect(box).toHaveValue('');
    const sent = fake.calls.find((c) => c.path === 'sessions.send')?.input as {
      clientMessageId: string;
      content: string;
    };
    expect(sent.content).toBe(QUESTION);
    expect(sent.clientMessageId).toMatch(/^[0-9a-f-]{36}$/);

    // The event stream confirms it by its clientMessageId: still one message.
    const userMessage = message({ content: QUESTION, clientMessageId: sent.clientMessageId });
    act(() => fake.emit(sessionId, { type: 'message.created', message: userMessage }));
    await waitFor(() => expect(messages()[0]).not.toHaveTextContent('Sending…'));
    expect(messages()).toHaveLength(1);

    // A replayed event (same id, after a reconnect) and the send result change nothing.
    act(() => fake.emit(sessionId, { type: 'message.created', message: userMessage }));
    // Another message with the same text is another message: matched by id, not by text.
    act(() =>
      fake.emit(sessionId, {
        type: 'message.created',
        message: message({ content: QUESTION, clientMessageId: 'another-tab' }),
      }),
    );
    await waitFor(() => expect(messages()).toHaveLength(2));
    await act(async () => {
      send.resolve({
        run: run(userMessage.id, { status: 'queued' }),
        userMessage,
        assistantMessage: null,
        reply: null,
      });
      await send.promise;
    });
    expect(messages()).toHaveLength(2);
    expect(fake.calls.find((c) => c.path === 'sessions.send')?.input).toMatchObject({
      wait: false,
    });
  });

  it('streams the reply piece by piece, with a typing indicator first, then cards and chips', async () => {
    const user = userEvent.setup();
    const { messages } = renderChat();
    await subscribed();
    await user.type(screen.getByRole('textbox', { name: 'Message' }), `${QUESTION}{Enter}`);
    const { clientMessageId } = fake.calls.find((c) => c.path === 'sessions.send')!.input as {
      clientMessageId: string;
    };
    const userMessage = message({ content: QUESTION, clientMessageId });
    const started = run(userMessage.id);
    act(() => fake.emit(sessionId, { type: 'message.created', message: userMessage }));
    act(() => fake.emit(sessionId, { type: 'run.started', run: started }));
    expect(await screen.findByText('Assistant is typing…')).toBeInTheDocument();
    // While the reply is on its way the button stops it.
    expect(screen.getByRole('button', { name: 'Stop' })).toBeInTheDocument();

    const assistantId = message().id;
    act(() =>
      fake.emit(sessionId, {
        type: 'assistant.delta',
        runId: started.id,
        messageId: assistantId,
        delta: 'Here are ',
        clientMessageId: 'c-1',
      }),
    );
    await waitFor(() => expect(messages()).toHaveLength(2));
    expect(messages()[1]).toHaveTextContent('Here are');
    expect(messages()[1]).toHaveAttribute('aria-busy', 'true');
    // Writing has started: the dots give way to the text itself.
    expect(screen.queryByText('Assistant is typing…')).not.toBeInTheDocument();
    act(() =>
      fake.emit(sessionId, {
        type: 'assistant.delta',
        runId: started.id,
        messageId: assistantId,
        delta: '2 homes',
        clientMessageId: 'c-1',
      }),
    );
    await waitFor(() => expect(messages()[1]).toHaveTextContent('Here are 2 homes'));

    const homes = [
      listing({ title: 'Bright 2-bedroom flat near the harbour', price: 750 }),
      listing({ title: 'Quiet flat in Karaoğlanoğlu', price: 900, features: ['pool'] }),
    ];
    const full = reply({
      responseText: 'Here are 2 homes that match.',
      recommendations: homes,
      appliedFilters: {
        location: 'Girne',
        rentType: 'long_term',
        minBedrooms: 2,
        maxBedrooms: 2,
        maxPrice: 1000,
      },
    });
    const assistantMessage = message({
      id: assistantId,
      role: 'assistant',
      content: full.responseText,
      replyToId: userMessage.id,
    });
    const completed = { ...started, status: 'completed' as const, assistantMessageId: assistantId };
    act(() =>
      fake.emit(sessionId, {
        type: 'assistant.completed',
        run: completed,
        message: assistantMessage,
        reply: full,
      }),
    );
    await waitFor(() => expect(messages()[1]).toHaveTextContent('Here are 2 homes that match.'));
    expect(messages()[1]).not.toHaveAttribute('aria-busy');
    act(() => fake.emit(sessionId, { type: 'typing', actor: 'assistant', typing: false }));

    const cards = within(messages()[1] as HTMLElement).getAllByRole('article');
    expect(cards).toHaveLength(2);
    const first = cards[0]!;
    expect(first).toHaveAccessibleName('Bright 2-bedroom flat near the harbour');
    expect(
      within(first).getByRole('heading', { name: 'Bright 2-bedroom flat near the harbour' }),
    ).toBeInTheDocument();
    expect(first).toHaveTextContent('£750/month');
    expect(first).toHaveTextContent('2 bedrooms');
    expect(first).toHaveTextContent('Girne');
    expect(first).toHaveTextContent('Sea view');
    expect(first).toHaveTextContent('Parking');
    expect(within(first).getByRole('link', { name: homes[0]!.title })).toHaveAttribute(
      'href',
      `/listings/${homes[0]!.id}`,
    );
    const chips = within(screen.getByRole('list', { name: 'Applied filters' })).getAllByRole(
      'listitem',
    );
    expect(chips.map((c) => c.textContent)).toEqual([
      'Girne',
      'Long-term rent',
      '2 bedrooms',
      'Up to £1,000',
    ]);

    // The send result arrives last, with the run as it was: nothing is added twice, and
    // the finished run stays finished.
    await act(async () => {
      send.resolve({ userMessage, assistantMessage: null, reply: null, run: started });
      await send.promise;
    });
    expect(messages()).toHaveLength(2);
    expect(within(messages()[1] as HTMLElement).getAllByRole('article')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Stop' })).not.toBeInTheDocument();
    expect(
      within(messages()[1] as HTMLElement).getByRole('button', { name: 'Regenerate' }),
    ).toBeInTheDocument();
  });

  it('shows the typing indicator while the send is in flight', async () => {
    const user = userEvent.setup();
    renderChat();
    await subscribed();
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'hi{Enter}');
    expect(await screen.findByText('Assistant is typing…')).toBeInTheDocument();
  });

  it('adds a line with Shift+Enter and sends with Enter', async () => {
    const user = userEvent.setup();
    const { messages } = renderChat();
    await subscribed();
    const box = screen.getByRole('textbox', { name: 'Message' });
    await user.type(box, 'first line{Shift>}{Enter}{/Shift}second line');
    expect(box).toHaveValue('first line\nsecond line');
    expect(messages()).toHaveLength(0);
    await user.keyboard('{Enter}');
    expect(messages()).toHaveLength(1);
    expect(fake.calls.find((c) => c.path === 'sessions.send')?.input).toMatchObject({
      content: 'first line\nsecond line',
    });
  });

  it('loads the history, and merges replayed events into it without duplicates', async () => {
    const old = [
      message({ content: 'Any villas?' }),
      message({
        role: 'assistant',
        content: 'Two villas.',
        metadata: {
          recommendations: [listing({ title: 'Villa Mare' })],
          appliedFilters: { propertyType: 'villa' },
        },
      }),
    ];
    fake.on('conversations.messages', () => ({ items: old, nextCursor: null }));
    const { messages } = renderChat();
    await waitFor(() => expect(messages()).toHaveLength(2));
    expect(screen.getByRole('article', { name: 'Villa Mare' })).toBeInTheDocument();
    await subscribed();
    act(() => fake.emit(sessionId, { type: 'message.created', message: old[0]! }));
    act(() =>
      fake.emit(sessionId, { type: 'assistant.completed', message: old[1]!, reply: reply() }),
    );
    expect(messages()).toHaveLength(2);
  });

  it('marks a message that could not be sent, and retries it with the same clientMessageId', async () => {
    const user = userEvent.setup();
    const { messages } = renderChat();
    await subscribed();
    fake.on('sessions.send', () => {
      throw new Error('offline');
    });
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'hello{Enter}');
    expect(await screen.findByText(/Not sent/)).toBeInTheDocument();
    fake.on('sessions.send', (input: { clientMessageId: string }) => {
      const userMessage = message({ content: 'hello', clientMessageId: input.clientMessageId });
      return {
        userMessage,
        run: run(userMessage.id, { status: 'queued' }),
        assistantMessage: null,
        reply: null,
      };
    });
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(messages()[0]).not.toHaveTextContent('Sending…'));
    expect(messages()).toHaveLength(1);
    const sends = fake.calls
      .filter((c) => c.path === 'sessions.send')
      .map((c) => c.input as { clientMessageId: string });
    expect(sends).toHaveLength(2);
    expect(sends[1]!.clientMessageId).toBe(sends[0]!.clientMessageId);
    expect(screen.queryByText(/Not sent/)).not.toBeInTheDocument();
  });

  it('shows the connection going reconnecting, then live again, resuming from the last event', async () => {
    renderChat();
    await subscribed();
    const status = screen.getByRole('status', { name: 'Connection' });
    await waitFor(() => expect(status).toHaveTextContent('Live'));
    act(() =>
      fake.emit(sessionId, { type: 'message.created', message: message({ content: 'hi' }) }, '7'),
    );
    fake.accept(false);
    act(() => fake.dropSockets());
    await waitFor(() => expect(status).toHaveTextContent('Reconnecting…'));
    fake.accept(true);
    await waitFor(() => expect(status).toHaveTextContent('Live'));
    await waitFor(() => expect(fake.subscriptions).toHaveLength(1));
    expect(fake.subscriptions[0]!.input.lastEventId).toBe('7');
  });

  it('starts a conversation from the welcome pane: the message shows at once, then is sent there', async () => {
    const created = deferred<unknown>();
    fake.on('conversations.create', () => created.promise);
    fake.on('conversations.get', () => conversation({ title: null }));
    const user = userEvent.setup();
    renderWithParley(fake, <ChatPage />, { route: '/chat', path: '/chat/:conversationId?' });
    await user.type(screen.getByRole('textbox', { name: 'Message' }), `${QUESTION}{Enter}`);
    const log = screen.getByRole('log', { name: 'Messages' });
    expect(log).toHaveTextContent(QUESTION);
    expect(log).toHaveTextContent('Sending…');
    expect(fake.calls.find((c) => c.path === 'conversations.create')?.input).toEqual({});
    created.resolve(conversation({ title: null }));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.path === 'sessions.send')?.input).toMatchObject({
        sessionId,
        content: QUESTION,
      }),
    );
    // The welcome pane's box is gone: the conversation's own box has the focus.
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Message' })).toHaveFocus());
    // One session for the new conversation, opened by its pane.
    expect(fake.calls.filter((c) => c.path === 'sessions.create')).toHaveLength(1);
    expect(fake.calls.find((c) => c.path === 'sessions.create')?.input).toEqual({ conversationId });
    const pane = screen.getByRole('log', { name: 'Messages' });
    expect(
      [...(pane.querySelector('ol')?.children ?? [])].filter((e) => e.tagName === 'LI'),
    ).toHaveLength(1);
    // The sent message names the conversation: its title (and the sidebar) follow it.
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('New conversation');
    fake.on('conversations.get', () => conversation({ title: QUESTION }));
    act(() =>
      fake.emit(sessionId, {
        type: 'message.created',
        message: message({ content: QUESTION, clientMessageId: null }),
      }),
    );
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(QUESTION),
    );
  });

  it('asks the request typed on the landing page in a new conversation, once', async () => {
    renderWithParley(fake, <ChatPage />, {
      route: '/chat',
      path: '/chat/:conversationId?',
      state: { request: QUESTION },
    });
    await waitFor(() =>
      expect(fake.calls.find((c) => c.path === 'sessions.send')?.input).toMatchObject({
        sessionId,
        content: QUESTION,
      }),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.calls.filter((c) => c.path === 'conversations.create')).toHaveLength(1);
    expect(fake.calls.filter((c) => c.path === 'sessions.send')).toHaveLength(1);
  });

  it('says so when live updates stop for good, and can start them again', async () => {
    let refuse = true;
    fake.on('sessions.events', () => {
      if (refuse) throw new FakeError('NOT_FOUND', 'Session not found');
    });
    const user = userEvent.setup();
    renderChat();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Live updates stopped. It does not exist, or it is no longer there.',
    );
    refuse = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await subscribed();
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  });

  it('stops a reply being written; the stopped reply gets Retry, which answers the question again', async () => {
    const user = userEvent.setup();
    const { messages } = renderChat();
    await subscribed();
    const question = message({ content: 'tell me slowly', clientMessageId: 'c-other-tab' });
    const started = run(question.id);
    const partialId = message().id;
    act(() => fake.emit(sessionId, { type: 'message.created', message: question }));
    act(() => fake.emit(sessionId, { type: 'run.started', run: started }));
    act(() =>
      fake.emit(sessionId, {
        type: 'assistant.delta',
        runId: started.id,
        messageId: partialId,
        delta: 'Once upon',
        clientMessageId: 'c-other-tab',
      }),
    );
    const cancelled = {
      ...started,
      status: 'cancelled' as const,
      assistantMessageId: partialId,
    };
    fake.on('sessions.cancelRun', () => cancelled);
    await user.click(await screen.findByRole('button', { name: 'Stop' }));
    // Stop goes away: the message box has the focus, not the page.
    const box = screen.getByRole('textbox', { name: 'Message' });
    expect(box).toHaveFocus();
    expect(fake.calls.find((c) => c.path === 'sessions.cancelRun')?.input).toEqual({
      sessionId,
      runId: started.id,
    });
    const partial = message({
      id: partialId,
      role: 'assistant',
      content: 'Once upon',
      replyToId: question.id,
      metadata: { interrupted: true },
    });
    act(() => fake.emit(sessionId, { type: 'message.created', message: partial }));
    act(() => fake.emit(sessionId, { type: 'run.cancelled', run: cancelled }));
    await waitFor(() => expect(messages()[1]).toHaveTextContent('Once uponStopped'));
    expect(screen.queryByRole('button', { name: 'Stop' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Regenerate' })).not.toBeInTheDocument();

    const again = run(question.id, { status: 'queued' });
    fake.on('sessions.retry', () => ({
      userMessage: question,
      run: again,
      assistantMessage: null,
      reply: null,
    }));
    await user.click(within(messages()[1] as HTMLElement).getByRole('button', { name: 'Retry' }));
    expect(box).toHaveFocus();
    expect(fake.calls.find((c) => c.path === 'sessions.retry')?.input).toMatchObject({
      sessionId,
      messageId: question.id,
      wait: false,
    });
    // Queued: the button stops it, and the stopped reply offers no second retry.
    expect(await screen.findByRole('button', { name: 'Stop' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it('says when an answer failed, with Retry under the question', async () => {
    const user = userEvent.setup();
    const { messages } = renderChat();
    await subscribed();
    const question = message({ content: 'a villa' });
    const failed = run(question.id, {
      status: 'failed',
      error: { code: 'interrupted', message: 'The server stopped' },
    });
    act(() => fake.emit(sessionId, { type: 'message.created', message: question }));
    act(() => fake.emit(sessionId, { type: 'run.failed', run: failed }));
    const alert = await screen.findByRole('alert');
    expect(messages()[0]).toContainElement(alert);
    expect(alert).toHaveTextContent('The answer was interrupted.');
    fake.on('sessions.retry', () => ({
      userMessage: question,
      run: run(question.id, { status: 'queued' }),
      assistantMessage: null,
      reply: null,
    }));
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveFocus();
  });

  it('says "no connection" for a message the network did not carry, without typing or Stop', async () => {
    const user = userEvent.setup();
    renderChat();
    await subscribed();
    fake.on('sessions.send', () => {
      throw new FakeNetworkError();
    });
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'hello{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not sent: no connection.');
    expect(alert).not.toHaveTextContent('Failed to fetch');
    expect(screen.queryByText('Assistant is typing…')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Stop' })).not.toBeInTheDocument();
    // Retry under it: the focus goes to the message box once it is pressed.
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveFocus();
  });

  it('hides "typing" and Stop while the browser is offline', async () => {
    renderChat();
    await subscribed();
    const question = message({ content: 'a villa', clientMessageId: 'c-other-tab' });
    act(() => fake.emit(sessionId, { type: 'message.created', message: question }));
    act(() => fake.emit(sessionId, { type: 'run.started', run: run(question.id) }));
    expect(await screen.findByRole('button', { name: 'Stop' })).toBeInTheDocument();
    expect(screen.getByText('Assistant is typing…')).toBeInTheDocument();
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Stop' })).not.toBeInTheDocument(),
    );
    expect(screen.queryByText('Assistant is typing…')).not.toBeInTheDocument();
    online.mockReturnValue(true);
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(await screen.findByRole('button', { name: 'Stop' })).toBeInTheDocument();
  });

  it('marks a reply in another language than the page with its lang', async () => {
    renderChat();
    await subscribed();
    const question = message({ content: 'Girne’de kiralık daire' });
    const answer = message({
      role: 'assistant',
      content: 'Girne’de iki daire buldum.',
      replyToId: question.id,
    });
    act(() => fake.emit(sessionId, { type: 'message.created', message: question }));
    act(() =>
      fake.emit(sessionId, {
        type: 'assistant.completed',
        message: answer,
        reply: reply({ language: 'tr' }),
      }),
    );
    const text = await screen.findByText('Girne’de iki daire buldum.');
    expect(text).toHaveAttribute('lang', 'tr');
    // The question (the person's own words) and the page's words carry none.
    expect(screen.getByText('Girne’de kiralık daire')).not.toHaveAttribute('lang');
  });

  it('moves focus to the next chip when one is removed, and to the box after the last', async () => {
    fake.on('sessions.memory', () => ({
      summary: 'a flat in Girne',
      facts: { location: 'Girne', features: ['pool'] },
    }));
    fake.on('conversations.updateMemory', (input: { facts: unknown }) => ({
      summary: '',
      facts: input.facts,
    }));
    const user = userEvent.setup();
    renderChat();
    const memory = await screen.findByRole('region', { name: 'Searching for' });
    await user.click(within(memory).getByRole('button', { name: 'Remove Girne' }));
    await waitFor(() => expect(within(memory).getAllByRole('listitem')).toHaveLength(1));
    expect(within(memory).getByRole('button', { name: 'Remove Pool' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Searching for' })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveFocus();
  });

  it('shows what the assistant remembers as chips; removing one corrects the memory', async () => {
    fake.on('sessions.memory', () => ({
      summary: 'a flat in Girne',
      facts: { location: 'Girne', minBedrooms: 2, features: ['pool', 'parking'] },
    }));
    fake.on('conversations.updateMemory', (input: { facts: unknown }) => ({
      summary: '',
      facts: input.facts,
    }));
    const user = userEvent.setup();
    renderChat();
    const memory = await screen.findByRole('region', { name: 'Searching for' });
    expect(
      within(memory)
        .getAllByRole('listitem')
        .map((c) => c.textContent),
    ).toEqual(['Girne×', '2+ bedrooms×', 'Pool×', 'Parking×']);
    await user.click(within(memory).getByRole('button', { name: 'Remove Pool' }));
    expect(fake.calls.find((c) => c.path === 'conversations.updateMemory')?.input).toEqual({
      conversationId,
      facts: { location: 'Girne', minBedrooms: 2, features: ['parking'] },
    });
    await waitFor(() => expect(within(memory).getAllByRole('listitem')).toHaveLength(3));
  });

  it('after a chip is removed, says the next answer searches without it, and can ask now', async () => {
    fake.on('sessions.memory', () => ({
      summary: 'a flat in Girne',
      facts: { location: 'Girne', features: ['pool', 'parking'] },
    }));
    fake.on('conversations.updateMemory', (input: { facts: unknown }) => ({
      summary: '',
      facts: input.facts,
    }));
    const user = userEvent.setup();
    renderChat();
    const memory = await screen.findByRole('region', { name: 'Searching for' });
    await user.click(within(memory).getByRole('button', { name: 'Remove Pool' }));
    const status = await screen.findByText(/The next answer will search without Pool\./);
    expect(status.closest('[role="status"]')).toBeVisible();
    await user.click(within(memory).getByRole('button', { name: 'Remove Parking' }));
    await screen.findByText(/search without Pool and Parking\./);
    // Nothing was sent by removing chips: only the memory changed.
    expect(fake.calls.filter((c) => c.path === 'sessions.send')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Show results now' }));
    // What is sent is a plain request, shown in the chat like any other.
    const sent = fake.calls.filter((c) => c.path === 'sessions.send');
    expect(sent).toHaveLength(1);
    expect((sent[0]!.input as { content: string }).content).toBe('Show me the results again');
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveFocus();
    // The question asked, the note has done its work.
    await waitFor(() => expect(screen.queryByText(/search without Pool/)).not.toBeInTheDocument());
  });

  it('never subscribes or sends with an id that is not a UUID', async () => {
    renderWithParley(fake, <ChatPage />, {
      route: '/chat/undefined',
      path: '/chat/:conversationId',
    });
    expect(
      await screen.findByRole('heading', { name: 'Conversation not found' }),
    ).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.calls.some((c) => JSON.stringify(c.input ?? {}).includes('undefined'))).toBe(false);
    expect(fake.calls.map((c) => c.path)).not.toContain('sessions.create');
  });

  it("hands this conversation to an agent from a card's Ask an agent, naming the listing", async () => {
    fake.on('sessions.requestAgent', () => conversation());
    const flat = listing({ title: 'Harbour flat' });
    const user = userEvent.setup();
    renderSignedIn(fake, <ChatPage />, {
      route: `/chat/${conversationId}`,
      path: '/chat/:conversationId',
    });
    await subscribed();
    const question = message({ content: 'a flat by the harbour' });
    act(() => fake.emit(sessionId, { type: 'message.created', message: question }));
    act(() =>
      fake.emit(sessionId, {
        type: 'assistant.completed',
        message: message({ role: 'assistant', content: 'This one:', replyToId: question.id }),
        reply: reply({ recommendations: [flat] }),
      }),
    );
    const ask = await screen.findByRole('button', { name: 'Ask an agent about Harbour flat' });
    await user.click(ask);
    await waitFor(() =>
      expect(fake.calls.find((c) => c.path === 'sessions.requestAgent')?.input).toEqual({
        sessionId,
        listingId: flat.id,
        reason: 'Harbour flat',
      }),
    );
    // This conversation, not a new one.
    expect(fake.calls.map((c) => c.path)).not.toContain('conversations.create');
    expect(fake.calls.filter((c) => c.path === 'sessions.create')).toHaveLength(1);
    expect(screen.queryByText('Elsewhere')).not.toBeInTheDocument();
    act(() =>
      fake.emit(sessionId, {
        type: 'handoff.requested',
        reason: 'Harbour flat',
        brief: { summary: '', facts: {}, listingsShown: [flat], listing: flat },
      }),
    );
    expect(
      await screen.findByText('Waiting for an agent about “Harbour flat”: they will reply here.'),
    ).toBeInTheDocument();
  });

  it.each([
    [true, 'Waiting for an agent: one is online and will join shortly.'],
    [
      false,
      'Waiting for an agent: no agent is online right now, one will reply here as soon as they are back.',
    ],
  ])('says whether an agent is online while waiting (%s)', async (agentsOnline, text) => {
    renderChat();
    await subscribed();
    act(() =>
      fake.emit(sessionId, {
        type: 'handoff.requested',
        reason: null,
        brief: { summary: '', facts: {}, listingsShown: [], listing: null },
        agentsOnline,
      }),
    );
    expect(await screen.findByText(text)).toBeInTheDocument();
  });

  it('names the listing and says no agent is online', async () => {
    renderChat();
    await subscribed();
    const flat = listing({ title: 'Harbour flat' });
    act(() =>
      fake.emit(sessionId, {
        type: 'handoff.requested',
        reason: null,
        brief: { summary: '', facts: {}, listingsShown: [flat], listing: flat },
        agentsOnline: false,
      }),
    );
    expect(
      await screen.findByText(
        'Waiting for an agent about “Harbour flat”: no agent is online right now, one will reply here as soon as they are back.',
      ),
    ).toBeInTheDocument();
  });

  it('names the listing asked about from the hand-off the stream replays (a reload)', async () => {
    renderChat();
    await subscribed();
    const flat = listing({ title: 'Harbour flat' });
    act(() =>
      fake.emit(sessionId, {
        type: 'handoff.requested',
        reason: null,
        brief: { summary: '', facts: {}, listingsShown: [flat], listing: flat },
      }),
    );
    expect(
      await screen.findByText('Waiting for an agent about “Harbour flat”: they will reply here.'),
    ).toBeInTheDocument();
  });
});

describe('retry, regenerate and a person in the chat', () => {
  let clock = Date.now() - 60_000;
  // Each message a second after the one before: the chat orders them by time.
  const at = () => {
    clock += 1000;
    return new Date(clock);
  };

  /** A question and a reply stopped after a few words, as the stream tells them. */
  function stopped(content: string) {
    const question = message({ content, createdAt: at() });
    const partial = message({
      role: 'assistant',
      content: 'Once upon',
      replyToId: question.id,
      metadata: { interrupted: true },
      createdAt: at(),
    });
    const cancelled = run(question.id, { status: 'cancelled', assistantMessageId: partial.id });
    act(() => fake.emit(sessionId, { type: 'message.created', message: question }));
    act(() => fake.emit(sessionId, { type: 'message.created', message: partial }));
    act(() => fake.emit(sessionId, { type: 'run.cancelled', run: cancelled }));
    return { question, partial };
  }

  /** A question and its finished reply. */
  function answered(content: string, question = message({ content, createdAt: at() })) {
    const answer = message({
      role: 'assistant',
      content: `Answer to ${content}`,
      replyToId: question.id,
      createdAt: at(),
    });
    const done = run(question.id, { status: 'completed', assistantMessageId: answer.id });
    act(() => fake.emit(sessionId, { type: 'message.created', message: question }));
    act(() =>
      fake.emit(sessionId, {
        type: 'assistant.completed',
        run: done,
        message: answer,
        reply: reply({ responseText: answer.content }),
      }),
    );
    return { question, answer };
  }

  it("keeps Retry on a stopped reply while it is its question's latest answer, also after later questions", async () => {
    const { messages } = renderChat();
    await subscribed();
    stopped('first');
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Retry' })).toHaveLength(1));
    stopped('second');
    await waitFor(() => expect(messages()).toHaveLength(4));
    // Each stopped reply is still all its question got (docs/runs.md): each keeps Retry.
    const retries = screen.getAllByRole('button', { name: 'Retry' });
    expect(retries).toHaveLength(2);
    expect(messages()[1]).toContainElement(retries[0]!);
    expect(messages()[3]).toContainElement(retries[1]!);
    expect(messages()[1]).toHaveTextContent('Stopped');
    answered('third');
    await waitFor(() => expect(messages()).toHaveLength(6));
    expect(screen.getAllByRole('button', { name: 'Retry' })).toHaveLength(2);
  });

  it('marks the first answer as earlier once Regenerate answered the question again', async () => {
    const { messages } = renderChat();
    await subscribed();
    const { question } = answered('a villa');
    await waitFor(() => expect(messages()).toHaveLength(2));
    expect(screen.queryByText('Earlier answer')).not.toBeInTheDocument();
    answered('a villa', question);
    await waitFor(() => expect(messages()).toHaveLength(3));
    expect(messages()[1]).toHaveTextContent('Earlier answer');
    expect(messages()[2]).not.toHaveTextContent('Earlier answer');
    expect(within(messages()[2] as HTMLElement).getByRole('button', { name: 'Regenerate' }));
  });

  it('with a person asked for: no Regenerate, and the box invites a message to them', async () => {
    const { messages } = renderChat();
    await subscribed();
    answered('I want to talk to a person');
    const last = () => messages()[1] as HTMLElement;
    await waitFor(() =>
      expect(within(last()).getByRole('button', { name: 'Regenerate' })).toBeInTheDocument(),
    );
    const box = screen.getByRole('textbox', { name: 'Message' });
    expect(box).toHaveAttribute('placeholder', expect.stringMatching(/home/i));
    act(() =>
      fake.emit(sessionId, {
        type: 'handoff.requested',
        reason: null,
        brief: { summary: '', facts: {}, listingsShown: [], listing: null },
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Regenerate' })).not.toBeInTheDocument(),
    );
    expect(box).toHaveAttribute('placeholder', 'Write a message for the agent…');
    const aylin = { id: id(), name: 'Aylin' };
    act(() => fake.emit(sessionId, { type: 'handoff.assigned', agent: aylin }));
    await waitFor(() => expect(box).toHaveAttribute('placeholder', 'Write to Aylin…'));
    expect(screen.queryByRole('button', { name: 'Regenerate' })).not.toBeInTheDocument();

    // Handed back: said until the assistant's next reply, then gone.
    act(() => fake.emit(sessionId, { type: 'handoff.released', agent: aylin, to: 'assistant' }));
    expect(
      await screen.findByText('Aylin handed you back to the assistant.', { exact: false }),
    ).toBeInTheDocument();
    expect(box).toHaveAttribute('placeholder', expect.stringMatching(/home/i));
    answered('a flat in Girne');
    await waitFor(() => expect(screen.queryByText(/handed you back/)).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Talk to an agent' })).toBeInTheDocument();
  });

  /** A person on the line: asked for, then claimed by Aylin. */
  async function aylinHolds() {
    const aylin = { id: id(), name: 'Aylin' };
    act(() =>
      fake.emit(sessionId, {
        type: 'handoff.requested',
        reason: null,
        brief: { summary: '', facts: {}, listingsShown: [], listing: null },
      }),
    );
    act(() => fake.emit(sessionId, { type: 'handoff.assigned', agent: aylin }));
    await screen.findByText('Aylin joined the conversation');
    return aylin;
  }

  it("shows the agent's typing, gone when they stop, send, or say nothing for a while", async () => {
    renderChat();
    await subscribed();
    // Before a person holds the conversation, an agent's typing is no news to show.
    act(() =>
      fake.emit(sessionId, { type: 'typing', actor: 'agent', typing: true, name: 'Aylin' }),
    );
    expect(screen.queryByText('Aylin is typing…')).not.toBeInTheDocument();
    await aylinHolds();
    act(() =>
      fake.emit(sessionId, { type: 'typing', actor: 'agent', typing: true, name: 'Aylin' }),
    );
    expect(await screen.findByText('Aylin is typing…')).toBeInTheDocument();
    // Our own typing echoed back, and the assistant's, are not the agent's.
    act(() => fake.emit(sessionId, { type: 'typing', actor: 'user', typing: false }));
    expect(screen.getByText('Aylin is typing…')).toBeInTheDocument();
    act(() =>
      fake.emit(sessionId, { type: 'typing', actor: 'agent', typing: false, name: 'Aylin' }),
    );
    await waitFor(() => expect(screen.queryByText('Aylin is typing…')).not.toBeInTheDocument());

    // Their message ends it.
    act(() =>
      fake.emit(sessionId, { type: 'typing', actor: 'agent', typing: true, name: 'Aylin' }),
    );
    await screen.findByText('Aylin is typing…');
    act(() =>
      fake.emit(sessionId, {
        type: 'message.created',
        message: message({ role: 'agent', content: 'Hello from Aylin', createdAt: at() }),
      }),
    );
    await screen.findByText('Hello from Aylin');
    expect(screen.queryByText('Aylin is typing…')).not.toBeInTheDocument();

    // A lost "stopped" does not leave it on for good: it goes after 6 seconds.
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      act(() =>
        fake.emit(sessionId, { type: 'typing', actor: 'agent', typing: true, name: 'Aylin' }),
      );
      expect(screen.getByText('Aylin is typing…')).toBeInTheDocument();
      act(() => vi.advanceTimersByTime(5_000));
      expect(screen.getByText('Aylin is typing…')).toBeInTheDocument();
      act(() => vi.advanceTimersByTime(1_500));
      expect(screen.queryByText('Aylin is typing…')).not.toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it('tells the agent we are typing, only while an agent holds the conversation', async () => {
    fake.on('sessions.typing', () => ({ ok: true }));
    const user = userEvent.setup();
    renderChat();
    await subscribed();
    const typingCalls = () =>
      fake.calls.filter((c) => c.path === 'sessions.typing').map((c) => c.input);
    const box = screen.getByRole('textbox', { name: 'Message' });
    // The assistant does not need it.
    await user.type(box, 'a flat');
    expect(typingCalls()).toEqual([]);
    await user.clear(box);
    await aylinHolds();

    // Typing starts: one "true", however many keys (throttled).
    await user.type(box, 'Is Saturday');
    await waitFor(() => expect(typingCalls()).toEqual([{ sessionId, typing: true }]));
    // Sent: "false" at once.
    await user.type(box, ' fine?{Enter}');
    await waitFor(() =>
      expect(typingCalls()).toEqual([
        { sessionId, typing: true },
        { sessionId, typing: false },
      ]),
    );

    // Idle for 3 seconds: "false".
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      fireInput(box, 'And');
      await waitFor(() => expect(typingCalls()).toHaveLength(3));
      expect(typingCalls()[2]).toEqual({ sessionId, typing: true });
      act(() => vi.advanceTimersByTime(2_000));
      expect(typingCalls()).toHaveLength(3);
      act(() => vi.advanceTimersByTime(1_500));
      await waitFor(() => expect(typingCalls()).toHaveLength(4));
      expect(typingCalls()[3]).toEqual({ sessionId, typing: false });
    } finally {
      vi.useRealTimers();
    }

    // The agent hands back: nothing more is sent.
    fireInput(box, 'And Sunday');
    await waitFor(() => expect(typingCalls()).toHaveLength(5));
    act(() =>
      fake.emit(sessionId, {
        type: 'handoff.released',
        agent: { id: id(), name: 'Aylin' },
        to: 'assistant',
      }),
    );
    // Left typing: said "stopped" as the agent goes.
    await waitFor(() => expect(typingCalls()).toHaveLength(6));
    expect(typingCalls()[5]).toEqual({ sessionId, typing: false });
    await user.type(box, ' too');
    expect(typingCalls()).toHaveLength(6);
  });

  it('says so in the conversation when the agent sends it back to the waiting list', async () => {
    renderChat();
    await subscribed();
    const aylin = await aylinHolds();
    act(() => fake.emit(sessionId, { type: 'handoff.released', agent: aylin, to: 'waiting' }));
    const notice = await screen.findByText(
      'Aylin left the conversation; you are waiting for another agent.',
    );
    expect(notice).toHaveAttribute('role', 'status');
    const box = screen.getByRole('textbox', { name: 'Message' });
    expect(box).toHaveAttribute('placeholder', 'Write a message for the agent…');
    // Another agent joins: the notice goes.
    act(() =>
      fake.emit(sessionId, { type: 'handoff.assigned', agent: { id: id(), name: 'Selin' } }),
    );
    await screen.findByText('Selin joined the conversation');
    expect(screen.queryByText(/left the conversation/)).not.toBeInTheDocument();
  });
});

/** Sets the box's text as typing would, in one change (for steps under fake timers). */
function fireInput(box: HTMLElement, text: string) {
  act(() => {
    fireEvent.change(box, { target: { value: text } });
  });
}
