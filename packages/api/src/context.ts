import { randomUUID } from 'node:crypto';
import type { Assistant } from '@parley/assistant';
import type { Database } from '@parley/db';
import type { Infra } from '@parley/infra';
import type { Logger } from 'pino';
import type { Credential } from './auth/credentials';
import type { ApiConfig } from './config';
import { lazyChildLog, type RequestLog } from './request-log';

/** Everything the procedures need from the outside world, passed in, never imported. */
export interface ApiServices {
  db: Database;
  infra: Infra;
  assistant: Assistant;
  config: ApiConfig;
  logger: Logger;
  clock: () => Date;
}

export interface Connection {
  id: string;
  /** Live subscriptions on this socket, to cap them. */
  subscriptions: number;
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
}

export interface ContextInput {
  requestId?: string | undefined;
  ip?: string | undefined;
  transport: Context['transport'];
  credential: Credential | null;
  connection?: Connection | null;
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
    };
  };
}
export type CreateContext = ReturnType<typeof createContextFactory>;
