import { randomUUID } from 'node:crypto';
import type { Assistant } from '@parley/assistant';
import type { Database } from '@parley/db';
import type { Infra } from '@parley/infra';
import type { JobEngine } from '@parley/jobs';
import type { Logger } from 'pino';
import type { Credential } from './auth/credentials';
import type { ApiConfig } from './config';
import type { InstanceState } from './instance';
import type { SearchLanePrefetch } from './listings/lane';
import { lazyChildLog, type RequestLog } from './request-log';

/** Everything the procedures need from the outside world, passed in, never imported. */
export interface ApiServices {
  db: Database;
  infra: Infra;
  /** The job engine: durable background work, enqueued in the same transaction as its cause. */
  jobs: JobEngine;
  assistant: Assistant;
  config: ApiConfig;
  logger: Logger;
  clock: () => Date;
  /** This server instance's in-memory state (instance.ts); made by `createServices`. */
  instance: InstanceState;
}

export interface Connection {
  id: string;
  /** Live subscriptions on this socket (or of this SSE client), to cap them. */
  subscriptions: number;
  /** The cap, when not the socket one (SSE clients have their own). */
  maxSubscriptions?: number | undefined;
  /**
   * A wider count these subscriptions also go into, with its own cap: an SSE client (one
   * credential) within the address its streams come from.
   */
  within?: Connection | undefined;
}

/**
 * A browser that asked for cookie mode (HTTP only): its refresh token travels in an
 * httpOnly cookie the server sets, out of reach of the page's scripts.
 */
export interface RefreshCookie {
  /** The token the browser sent, if any. */
  value: string | undefined;
  set(refreshToken: string, maxAgeSeconds: number): void;
  clear(): void;
}

export interface Context {
  services: ApiServices;
  /** One per HTTP request; WebSocket calls get their own in the base middleware. */
  requestId: string;
  log: RequestLog;
  ip: string;
  transport: 'http' | 'ws' | 'internal';
  /** The raw credential presented; verified on every call, never cached on the context. */
  credential: Credential | null;
  connection: Connection | null;
  /** The browser `Origin` of the request or socket; null from non-browsers. */
  origin: string | null;
  /** Whether `origin` is one of the server's own (its web app); true without an origin. */
  ownOrigin: boolean;
  /** Set when the caller keeps its refresh token in a cookie (see RefreshCookie). */
  refreshCookie?: RefreshCookie | null;
  /** What the HTTP lane for cached searches started for this request (listings/lane.ts). */
  searchPrefetch?: SearchLanePrefetch | null;
}

export interface ContextInput {
  requestId?: string | undefined;
  ip?: string | undefined;
  transport: Context['transport'];
  credential: Credential | null;
  connection?: Connection | null;
  origin?: string | null | undefined;
  ownOrigin?: boolean | undefined;
  refreshCookie?: RefreshCookie | null | undefined;
  searchPrefetch?: SearchLanePrefetch | null | undefined;
}

/** The inner context factory: HTTP, WebSocket and tests each wrap it. */
export function createContextFactory(services: ApiServices) {
  return (input: ContextInput): Context => {
    const requestId = input.requestId ?? randomUUID();
    return {
      services,
      requestId,
      log: lazyChildLog(services.logger, { requestId }),
      ip: input.ip ?? 'unknown',
      transport: input.transport,
      credential: input.credential,
      connection: input.connection ?? null,
      origin: input.origin ?? null,
      ownOrigin: input.ownOrigin ?? !input.origin,
      refreshCookie: input.refreshCookie ?? null,
      searchPrefetch: input.searchPrefetch ?? null,
    };
  };
}
export type CreateContext = ReturnType<typeof createContextFactory>;
