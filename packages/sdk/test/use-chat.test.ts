/**
 * `useChat` in React (StrictMode, jsdom) against a real server: thin, since the logic is
 * the chat store's (chat-store.test.ts). It renders the store's state, keeps one session
 * per mount even when StrictMode mounts twice, and two hooks on one conversation see
 * each other's messages.
 */
import './support/dom';
import { randomUUID } from 'node:crypto';
import { QueryClient } from '@tanstack/react-query';
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { createElement, StrictMode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createParleyClient, type ParleyClient } from '../src/node';
import { ParleyProvider, type UseChatResult, useChat } from '../src/react';
import { startRestartableServer } from './server';

type Restartable = Awaited<ReturnType<typeof startRestartableServer>>;
let server: Restartable;
const clients: ParleyClient[] = [];

beforeAll(async () => {
  server = await startRestartableServer('sdk_use_chat');
});
afterEach(() => cleanup());
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server?.close();
});

function Chat({
  name,
  conversationId,
  expose,
}: {
  name: string;
  conversationId?: string | undefined;
  expose: (chat: UseChatResult) => void;
}) {
  const chat = useChat({ conversationId });
  expose(chat);
  return createElement(
    'ol',
    { 'aria-label': name, 'data-status': chat.status },
    chat.messages.map((m) =>
      createElement('li', { key: m.key }, `${m.role}:${m.status}:${m.content}`),
    ),
  );
}

describe('useChat', () => {
  it('renders a live chat; StrictMode keeps one session; two hooks see each other', async () => {
    const anonymous = createParleyClient({ url: server.url, transport: 'http' });
    clients.push(anonymous);
    const user = await anonymous.auth.register.mutate({
      email: `hook-${randomUUID().slice(0, 8)}@example.com`,
      password: `violet harbour ${randomUUID().slice(0, 8)}`,
      name: 'Hook',
    });
    const client = createParleyClient({ url: server.url, token: user.accessToken });
    clients.push(client);
    const { conversation } = await client.sessions.create.mutate({});

    let one: UseChatResult | undefined;
    let two: UseChatResult | undefined;
    const { container } = render(
      createElement(
        StrictMode,
        null,
        createElement(
          ParleyProvider,
          { client, queryClient: new QueryClient() },
          createElement(Chat, {
            name: 'one',
            conversationId: conversation.id,
            expose: (c) => {
              one = c;
            },
          }),
          createElement(Chat, {
            name: 'two',
            conversationId: conversation.id,
            expose: (c) => {
              two = c;
            },
          }),
        ),
      ),
    );
    await waitFor(() => expect(one?.status).toBe('live'), { timeout: 15_000 });
    await waitFor(() => expect(two?.status).toBe('live'), { timeout: 15_000 });
    await act(async () => {
      one!.send('hello from one');
    });
    // Shown at once, before the server has it.
    const list = (name: string) =>
      [...container.querySelectorAll(`ol[aria-label="${name}"] > li`)].map((li) => li.textContent);
    expect(list('one')).toEqual(['user:sending:hello from one']);
    await waitFor(
      () =>
        expect(list('two')).toEqual([
          'user:sent:hello from one',
          expect.stringMatching(/^assistant:complete:/),
        ]),
      { timeout: 15_000 },
    );
    expect(list('one')).toEqual(list('two'));
    expect(one!.regenerable?.id).toBe(two!.regenerable?.id);

    // One session for the one made above plus one per hook, though StrictMode mounted twice.
    const sessions = await client.sessions.list.query({ status: 'active', limit: 50 });
    expect(sessions.items.filter((s) => s.conversationId === conversation.id)).toHaveLength(3);
  });
});
