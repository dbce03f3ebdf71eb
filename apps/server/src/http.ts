import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type AppRouter,
  type Context,
  type ContextInput,
  credentialFromHeaders,
  tagRequestId,
} from '@parley/api';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';

export interface HttpOptions {
  router: AppRouter;
  createContext: (input: ContextInput) => Context;
  maxBatchSize: number;
  allowedOrigins: string[];
  trustProxy: boolean;
  onTrpcError: (info: { requestId: string; error: Error; path: string | undefined }) => void;
}

const requestIds = new WeakMap<IncomingMessage, string>();
const SAFE_ID = /^[\w.-]{1,64}$/;

/** A caller's request id is kept when it looks sane, so logs join across services. */
export function requestIdFor(req: IncomingMessage): string {
  let id = requestIds.get(req);
  if (!id) {
    const given = req.headers['x-request-id'];
    id = typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
    requestIds.set(req, id);
  }
  return id;
}

export function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/** CORS for the configured origins only (never `*`), so browser widgets can call in. */
function applyCors(req: IncomingMessage, res: ServerResponse, allowed: string[]): boolean {
  const origin = req.headers.origin;
  if (origin && allowed.includes(origin)) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('vary', 'origin');
    res.setHeader(
      'access-control-allow-headers',
      'authorization, content-type, x-api-key, x-request-id, trpc-accept',
    );
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader('access-control-expose-headers', 'x-request-id');
    res.setHeader('access-control-max-age', '600');
  }
  if (req.method === 'OPTIONS') {
    res.writeHead(origin && allowed.includes(origin) ? 204 : 403).end();
    return true;
  }
  return false;
}

export function createTrpcHttpHandler(options: HttpOptions) {
  const trpc = createHTTPHandler({
    router: options.router,
    basePath: '/trpc/',
    maxBatchSize: options.maxBatchSize,
    maxBodySize: 1_048_576,
    createContext: ({ req }) =>
      options.createContext({
        transport: 'http',
        requestId: requestIdFor(req),
        ip: clientIp(req, options.trustProxy),
        credential: credentialFromHeaders(req.headers as Record<string, string>),
      }),
    // Runs before the error is formatted: the response then carries this request's id
    // even when it failed before a context existed (a malformed body, say).
    onError: ({ error, req, path }) => {
      const requestId = requestIdFor(req);
      tagRequestId(error, requestId);
      options.onTrpcError({ requestId, error, path });
    },
  });
  return (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('x-request-id', requestIdFor(req));
    if (applyCors(req, res, options.allowedOrigins)) return;
    trpc(req, res);
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
