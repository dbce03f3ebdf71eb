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
  const received: Received[] = [];
  const errors: unknown[] = [];
  let started = false;
  const waiters = new Set<() => void>();
  const subscription = client.sessions.events.subscribe(
    { sessionId, lastEventId: lastEventId ?? null },
    {
      onStarted: () => {
        started = true;
        for (const w of waiters) w();
      },
      onData: (data) => {
        received.push({ id: data.id, event: data.data as SessionEvent });
        for (const w of waiters) w();
      },
      onError: (error) => {
        errors.push(error);
        for (const w of waiters) w();
      },
    },
  );
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
    until,
    durable: () => received.filter((r) => !r.id.includes(':')),
    stop: () => subscription.unsubscribe(),
  };
}
