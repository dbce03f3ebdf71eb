import { randomBytes } from 'node:crypto';
import type { AppRouter } from '@parley/api';
import {
  createTRPCClient,
  createWSClient,
  httpLink,
  type TRPCClient,
  TRPCClientError,
  wsLink,
} from '@trpc/client';
import superjson from 'superjson';
import WebSocket from 'ws';

export type Client = TRPCClient<AppRouter>;

/** tRPC over HTTP, one call per request (so a failure is one call's). */
export function httpClient(url: string, token?: () => string | undefined): Client {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${url}/trpc`,
        transformer: superjson,
        headers: () => {
          const value = token?.();
          return value ? { authorization: `Bearer ${value}` } : {};
        },
      }),
    ],
  });
}

/** tRPC over one WebSocket that reconnects (to whatever now listens on the URL) by itself. */
export function wsClient(url: string, token: string) {
  const ws = createWSClient({
    url: `${url.replace(/^http/, 'ws')}/trpc`,
    WebSocket: WebSocket as never,
    connectionParams: () => ({ token }),
    retryDelayMs: () => 100,
  });
  const client = createTRPCClient<AppRouter>({
    links: [wsLink({ client: ws, transformer: superjson })],
  });
  return { client, ws, close: () => ws.close() };
}

export async function signUp(url: string, label = 'res') {
  const email = `${label}-${randomBytes(5).toString('hex')}@example.com`;
  const password = `correct horse ${randomBytes(6).toString('hex')}`;
  const result = await httpClient(url).auth.register.mutate({ email, password, name: label });
  return { ...result, email, password };
}

export function codeOf(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<AppRouter>).data as { code?: string } | undefined;
    return data?.code ?? `transport: ${error.message}`;
  }
  return `thrown: ${error instanceof Error ? error.message : String(error)}`;
}

export interface CallRecord {
  name: string;
  start: number;
  ms: number;
  ok: boolean;
  code?: string;
}

/** Runs `fn` and records how long it took and how it ended. */
export async function timed(
  name: string,
  records: CallRecord[],
  fn: () => Promise<unknown>,
): Promise<boolean> {
  const start = Date.now();
  try {
    await fn();
    records.push({ name, start, ms: Date.now() - start, ok: true });
    return true;
  } catch (error) {
    records.push({ name, start, ms: Date.now() - start, ok: false, code: codeOf(error) });
    return false;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it holds; returns the ms it took, or throws after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  everyMs = 100,
) {
  const start = Date.now();
  for (;;) {
    try {
      if (await check()) return Date.now() - start;
    } catch {}
    if (Date.now() - start > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}

export async function readyz(
  url: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(3_000) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export interface Received {
  id: string;
  type: string;
  at: number;
}

/** Subscribes to a session's events and records them (tracked ids let the client resume). */
export function recordEvents(client: Client, sessionId: string) {
  const received: Received[] = [];
  const errors: unknown[] = [];
  let started = 0;
  const subscription = client.sessions.events.subscribe(
    { sessionId, lastEventId: null },
    {
      onStarted: () => {
        started++;
      },
      onData: (data) => {
        received.push({ id: data.id, type: (data.data as { type: string }).type, at: Date.now() });
      },
      onError: (error) => {
        errors.push(error);
      },
    },
  );
  return {
    received,
    errors,
    started: () => waitFor('subscription started', () => started > 0, 10_000, 10),
    durable: () => received.filter((r) => !r.id.includes(':')),
    stop: () => subscription.unsubscribe(),
  };
}
