import type { SessionEvent } from '@parley/validators';
import type { Client } from './harness';

export interface Received {
  id: string;
  event: SessionEvent;
}

/**
 * Subscribes to a session's events and records them; `until` waits for a condition.
 * `lastEventId` follows the tracked ids, like a client resuming.
 */
export function recordEvents(client: Client, sessionId: string, lastEventId?: string | null) {
  return record((handlers) =>
    client.sessions.events.subscribe({ sessionId, lastEventId: lastEventId ?? null }, handlers),
  );
}

/** The same, for a conversation's own stream (`conversations.events`). */
export function recordConversationEvents(
  client: Client,
  conversationId: string,
  lastEventId?: string | null,
) {
  return record((handlers) =>
    client.conversations.events.subscribe(
      { conversationId, lastEventId: lastEventId ?? null },
      handlers,
    ),
  );
}

/** The same, for a person's alerts (`alerts.events`). */
export function recordAlertEvents(client: Client, lastEventId?: string | null) {
  return record((handlers) =>
    client.alerts.events.subscribe({ lastEventId: lastEventId ?? null }, handlers),
  );
}

/** The agents' inbox (`inbox.events`), recorded the same way. */
export function recordInboxEvents(client: Client, lastEventId?: string | null) {
  return record((handlers) =>
    client.inbox.events.subscribe({ lastEventId: lastEventId ?? null }, handlers),
  );
}

interface Handlers {
  onStarted: () => void;
  onStopped: () => void;
  onData: (data: { id: string; data: unknown }) => void;
  onError: (error: unknown) => void;
}

function record(subscribe: (handlers: Handlers) => { unsubscribe(): void }) {
  const received: Received[] = [];
  const errors: unknown[] = [];
  let started = false;
  let stopped = false;
  const waiters = new Set<() => void>();
  const subscription = subscribe({
    onStarted: () => {
      started = true;
      for (const w of waiters) w();
    },
    // The server ended the stream (it sent its end), as opposed to an error.
    onStopped: () => {
      stopped = true;
      for (const w of waiters) w();
    },
    onData: (data: { id: string; data: unknown }) => {
      received.push({ id: data.id, event: data.data as SessionEvent });
      for (const w of waiters) w();
    },
    onError: (error: unknown) => {
      errors.push(error);
      for (const w of waiters) w();
    },
  });
  const until = (check: () => boolean, timeoutMs = 10_000) =>
    new Promise<void>((resolve, reject) => {
      if (check()) return resolve();
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(
          new Error(
            `timed out; received ${received.map((r) => `${r.id}:${r.event.type}`).join(', ')}`,
          ),
        );
      }, timeoutMs);
      const waiter = () => {
        if (!check()) return;
        clearTimeout(timer);
        waiters.delete(waiter);
        resolve();
      };
      waiters.add(waiter);
    });
  return {
    received,
    errors,
    started: () => until(() => started),
    /** Whether the server ever accepted the stream (a refusal comes instead of a start). */
    wasStarted: () => started,
    /** Resolves once the server has ended the stream. */
    stopped: () => until(() => stopped),
    until,
    durable: () => received.filter((r) => !r.id.includes(':')),
    stop: () => subscription.unsubscribe(),
  };
}

/**
 * A stream is "started" as soon as the server accepts it, before it has checked access and
 * joined the conversation's live events; a typing event is never replayed. So a test that
 * needs a stream to have seen a typing event types until it has (at most 50 times), each
 * stream counting from what it had received before.
 */
export async function typeUntilSeen(
  typing: () => Promise<unknown>,
  streams: ReadonlyArray<{ received: readonly unknown[] }>,
): Promise<void> {
  const before = streams.map((e) => e.received.length);
  const seen = () => streams.every((e, i) => e.received.length > before[i]!);
  for (let attempt = 0; !seen(); attempt++) {
    if (attempt === 50) throw new Error('a stream never saw a typing event');
    await typing();
    const deadline = Date.now() + 200;
    while (!seen() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  }
}
