import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type AppRouter,
  type Connection,
  type Context,
  type ContextInput,
  type Credential,
  credentialFromHeaders,
  REST_PREFIX,
  restRoutes,
  tagRequestId,
} from '@parley/api';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { admitTrpcInput, MAX_INPUT_BYTES } from './input-limits';
import { COOKIE_MODE_HEADER, refreshCookieFor } from './refresh-cookie';
import { laneCallOf, lanePrefetches, type SearchLane, sendLaneHit } from './search-lane';

export interface HttpOptions {
  router: AppRouter;
  createContext: (input: ContextInput) => Context;
  maxBatchSize: number;
  /** Live SSE streams one client (credential) may hold at once. */
  maxSseSubscriptionsPerClient: number;
  /** Live SSE streams from one address, all its clients together. */
  maxSseStreamsPerIp: number;
  allowedOrigins: string[];
  /** Whether a page on this (not own) origin may call in: a live widget session allows it. */
  isWidgetOrigin: (origin: string) => Promise<boolean>;
  trustProxy: boolean;
  onTrpcError: (info: { requestId: string; error: Error; path: string | undefined }) => void;
  /** Answers cached `listings.search` pages before tRPC (search-lane.ts). */
  searchLane?: SearchLane | undefined;
}

const requestIds = new WeakMap<IncomingMessage, string>();
/**
 * A caller's id is echoed in a header and written to every log line of the request: only a
 * short token of characters that mean nothing to a header, a log or a terminal is taken.
 * Anything else (spaces, quotes, control characters, two headers joined by a comma, a
 * kilobyte of text) gets a fresh id instead.
 */
const SAFE_ID = /^[\w.:-]{1,128}$/;

/** A caller's request id is kept when it is a safe token, so logs join across services. */
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

/**
 * CORS for the configured origins only (never `*`), plus, for what a widget's client
 * secret may call, the origins that live widget sessions allow (`widget`, see corsThen).
 * Answers a preflight itself (returns true).
 */
export function applyCors(
  req: IncomingMessage,
  res: ServerResponse,
  allowed: string[],
  widget = false,
): boolean {
  const origin = req.headers.origin;
  if (origin && (widget || allowed.includes(origin))) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('vary', 'origin');
    res.setHeader(
      'access-control-allow-headers',
      `authorization, content-type, x-api-key, x-request-id, trpc-accept, ${COOKIE_MODE_HEADER}`,
    );
    res.setHeader('access-control-allow-methods', 'GET, POST, PATCH, DELETE, OPTIONS');
    res.setHeader('access-control-expose-headers', 'x-request-id');
    res.setHeader('access-control-max-age', '600');
  }
  if (req.method === 'OPTIONS') {
    res.writeHead(origin && (widget || allowed.includes(origin)) ? 204 : 403).end();
    return true;
  }
  return false;
}

/**
 * SSE streams are counted per client, as a socket's subscriptions are: each stream is its
 * own request, so without a count a client could open any number. A client is the
 * credential it presents (a token, an API key or a client secret; its address when it
 * presents none), so people behind one address (an office, a carrier's NAT) do not share
 * one cap; all the streams from one address have a wider cap, as its sockets do. A count
 * lives while any request counted in it is open.
 */
function sseClients(perClient: number, perAddress: number) {
  const counts = new Map<string, Connection & { requests: number }>();
  const hold = (key: string, max: number, res: ServerResponse, within?: Connection) => {
    let count = counts.get(key);
    if (!count) {
      count = { id: `sse:${key}`, subscriptions: 0, maxSubscriptions: max, requests: 0, within };
      counts.set(key, count);
    }
    const held = count;
    held.requests += 1;
    res.once('close', () => {
      held.requests -= 1;
      if (held.requests === 0 && counts.get(key) === held) counts.delete(key);
    });
    return held;
  };
  return (ip: string, credential: Credential | null, res: ServerResponse): Connection => {
    const address = hold(`ip:${ip}`, perAddress, res);
    // Keyed by address too: a client's count always goes into its own address's.
    const client = credential ? credentialKey(credential) : 'anonymous';
    return hold(`${client}@${ip}`, perClient, res, address);
  };
}

function credentialKey(credential: Credential): string {
  switch (credential.kind) {
    case 'accessToken':
      return `token:${credential.token}`;
    case 'apiKey':
      return `key:${credential.key}`;
    case 'clientSecret':
      return `secret:${credential.secret}`;
  }
}

const TRPC_PREFIX = '/trpc/';

/**
 * Whether tRPC answers this request with an SSE stream: a GET of a subscription. tRPC decides
 * by the procedure, not by the `Accept` header, so this does too: a stream opened without
 * `Accept: text/event-stream` still counts against its client's cap (and is not in-flight
 * work for a shutdown to wait on).
 */
export function isSseSubscription(req: IncomingMessage, router: AppRouter): boolean {
  const url = req.url ?? '';
  if (req.method !== 'GET' || !url.startsWith(TRPC_PREFIX)) return false;
  const query = url.indexOf('?');
  const paths = url.slice(TRPC_PREFIX.length, query < 0 ? undefined : query);
  const procedures = router._def.procedures as unknown as Record<
    string,
    { _def: { type: string } }
  >;
  try {
    return decodeURIComponent(paths)
      .split(',')
      .some(
        (path) => Object.hasOwn(procedures, path) && procedures[path]!._def.type === 'subscription',
      );
  } catch {
    return false; // not a path tRPC can read either
  }
}

export function createTrpcHttpHandler(options: HttpOptions) {
  const sseConnection = sseClients(
    options.maxSseSubscriptionsPerClient,
    options.maxSseStreamsPerIp,
  );
  const trpc = createHTTPHandler({
    router: options.router,
    basePath: '/trpc/',
    maxBatchSize: options.maxBatchSize,
    maxBodySize: MAX_INPUT_BYTES,
    createContext: ({ req, res }) => {
      const ip = clientIp(req, options.trustProxy);
      const credential = credentialFromHeaders(req.headers as Record<string, string>);
      return options.createContext({
        refreshCookie: refreshCookieFor(req, res),
        transport: 'http',
        requestId: requestIdFor(req),
        ip,
        credential,
        connection: isSseSubscription(req, options.router)
          ? sseConnection(ip, credential, res)
          : null,
        searchPrefetch: lanePrefetches.get(req) ?? null,
        ...originOf(req, options.allowedOrigins),
      });
    },
    // Runs before the error is formatted: the response then carries this request's id
    // even when it failed before a context existed (a malformed body, say).
    onError: ({ error, req, path }) => {
      const requestId = requestIdFor(req);
      tagRequestId(error, requestId);
      options.onTrpcError({ requestId, error, path });
    },
  });
  const lane = options.searchLane;
  const served = async (req: IncomingMessage, res: ServerResponse) => {
    const call = lane && laneCallOf(req);
    if (call) {
      // The lane only ever shortens the way: should it fail, tRPC answers as without it.
      const answer = await lane(call.wireInput, clientIp(req, options.trustProxy)).catch(
        () => null,
      );
      if (answer?.hit) return sendLaneHit(res, call, answer.wireJson);
      if (answer?.prefetch) lanePrefetches.set(req, answer.prefetch);
    }
    return trpc(req, res);
  };
  // The input is bounded (size, nesting) before tRPC parses or decodes any of it.
  const checked = (req: IncomingMessage, res: ServerResponse) =>
    admitTrpcInput(req, res, requestIdFor(req)).then(
      (ok) => (ok ? served(req, res) : undefined),
      () => req.destroy(), // the client went away mid-body
    );
  return (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('x-request-id', requestIdFor(req));
    corsThen(req, res, options, widgetCallsOnly(req), () => void checked(req, res));
  };
}

export interface CorsOptions {
  allowedOrigins: string[];
  /** Whether a page on this (not own) origin may call in: a live widget session allows it. */
  isWidgetOrigin: (origin: string) => Promise<boolean>;
}

/**
 * CORS, then `serve` unless the request was answered here (a preflight, or 503 when the
 * database cannot say whether a widget allows the origin). A page on another origin is let
 * in only for a `widgetCall` (what a widget's client secret may make), when a live widget
 * session allows its origin; any other call from it never asks the database.
 */
export function corsThen(
  req: IncomingMessage,
  res: ServerResponse,
  options: CorsOptions,
  widgetCall: boolean,
  serve: () => void,
): void {
  const origin = req.headers.origin;
  if (!origin || options.allowedOrigins.includes(origin) || !widgetCall) {
    if (!applyCors(req, res, options.allowedOrigins)) serve();
    return;
  }
  options.isWidgetOrigin(origin).then(
    (widget) => {
      if (!applyCors(req, res, options.allowedOrigins, widget)) serve();
    },
    () => sendJson(res, 503, { error: 'the database is unavailable, try again shortly' }),
  );
}

/** The public listing reads a client secret may make besides its session's `sessions.*`. */
const WIDGET_READS = new Set(['listings.search', 'listings.get', 'listings.similar']);

/** The REST operations that serve WIDGET_READS. */
const WIDGET_REST_READS = restRoutes.filter(
  (route) => route.method === 'GET' && WIDGET_READS.has(route.procedure),
);

/**
 * Whether the request is a REST read of WIDGET_READS (a GET or HEAD, or the preflight of
 * one): the same reads a widget's page may make over tRPC, and no write on those paths.
 */
export function widgetRestRead(req: IncomingMessage): boolean {
  const method =
    req.method === 'OPTIONS' ? req.headers['access-control-request-method'] : req.method;
  if (method !== 'GET' && method !== 'HEAD') return false;
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (!path.startsWith(REST_PREFIX)) return false;
  const relative = path.slice(REST_PREFIX.length);
  return WIDGET_REST_READS.some((route) => route.pattern.test(relative));
}

/** Whether every call the request names is one a client secret may make. */
function widgetCallsOnly(req: IncomingMessage): boolean {
  const url = req.url ?? '';
  if (!url.startsWith(TRPC_PREFIX)) return false;
  const query = url.indexOf('?');
  try {
    return decodeURIComponent(url.slice(TRPC_PREFIX.length, query < 0 ? undefined : query))
      .split(',')
      .every((path) => path.startsWith('sessions.') || WIDGET_READS.has(path));
  } catch {
    return false;
  }
}

/** The request's browser origin, and whether it is one of the server's own. */
export function originOf(req: IncomingMessage, allowed: string[]) {
  const origin = req.headers.origin ?? null;
  return { origin, ownOrigin: !origin || allowed.includes(origin) };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
