import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type Context,
  type ContextInput,
  credentialFromHeaders,
  openApiDocument,
  REST_PREFIX,
  restRouter,
  restRoutes,
  tagRequestId,
} from '@parley/api';
import { forbiddenKeyPath } from '@parley/validators';
import { createOpenApiHttpHandler } from 'trpc-to-openapi';
import { clientIp, corsThen, originOf, requestIdFor, sendJson, widgetRestRead } from './http';
import { MAX_INPUT_BYTES, scanJson } from './input-limits';

export interface RestOptions {
  createContext: (input: ContextInput) => Context;
  publicUrl: string;
  allowedOrigins: string[];
  /** Whether a page on this (not own) origin may read listings: a live widget session allows it. */
  isWidgetOrigin: (origin: string) => Promise<boolean>;
  trustProxy: boolean;
  onError: (info: { requestId: string; error: Error; path: string | undefined }) => void;
}

export const OPENAPI_PATHS = ['/api/openapi.json', `${REST_PREFIX}/openapi.json`];

/** True for the paths this handler answers: the REST surface and its OpenAPI document. */
export function isRestPath(path: string): boolean {
  return path === REST_PREFIX || path.startsWith(`${REST_PREFIX}/`) || OPENAPI_PATHS.includes(path);
}

/**
 * `/api/v1/...`: the REST surface, with the same credentials, context and errors as tRPC;
 * `/api/openapi.json`: its OpenAPI 3.1 document, generated once at start-up.
 */
export function createRestHandler(options: RestOptions) {
  const document = JSON.stringify(openApiDocument(options.publicUrl));
  const rest = createOpenApiHttpHandler({
    router: restRouter,
    maxBodySize: 1_048_576,
    // The adapter hands over a fetch Request; the Node request is the response's.
    createContext: ({ res }) => {
      const req = (res as ServerResponse).req;
      return options.createContext({
        transport: 'http',
        requestId: requestIdFor(req),
        ip: clientIp(req, options.trustProxy),
        credential: credentialFromHeaders(req.headers as Record<string, string>),
        ...originOf(req, options.allowedOrigins),
      });
    },
    // A limit's 429 says when to come back in the standard header too, as `data.retryAfter`
    // does in the body (rate limiters carry it on the error).
    responseMeta: ({ errors }) => {
      const seconds = (errors[0] as { retryAfter?: unknown } | undefined)?.retryAfter;
      return typeof seconds === 'number' && seconds > 0
        ? { headers: { 'retry-after': String(Math.ceil(seconds)) } }
        : {};
    },
    onError: ({ error, req, path }) => {
      // Set below on the Node request, which the fetch Request copies.
      const requestId = (req as unknown as Request).headers.get('x-request-id') ?? 'unknown';
      tagRequestId(error, requestId);
      options.onError({ requestId, error, path });
    },
  });
  const serve = (req: IncomingMessage, res: ServerResponse, requestId: string) => {
    const [path = '/', query] = (req.url ?? '/').split('?');
    if (OPENAPI_PATHS.includes(path)) {
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('cache-control', 'no-cache');
      res.end(document);
      return;
    }
    // The adapter matches paths relative to the REST root.
    const relative = path.slice(REST_PREFIX.length) || '/';
    req.url = `${relative}${query === undefined ? '' : `?${query}`}`;
    // A path that exists, with a method it does not take, is 405 naming the ones it does
    // (the adapter would answer 404, as if the path did not exist).
    const allowed = methodsOf(relative);
    if (allowed.length && !allowed.includes(req.method ?? 'GET')) {
      res.setHeader('allow', allowed.join(', '));
      fail(
        res,
        405,
        'METHOD_NOT_SUPPORTED',
        `${req.method} is not supported on ${path}: use ${allowed.join(' or ')}`,
        requestId,
      );
      return;
    }
    void withJsonBody(req, res, requestId)
      .then((ready) => (ready ? rest(req, res) : undefined))
      .catch((error: unknown) => {
        options.onError({ requestId, error: error as Error, path });
        if (!res.headersSent)
          fail(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error', requestId);
      });
  };
  return (req: IncomingMessage, res: ServerResponse) => {
    const requestId = requestIdFor(req);
    res.setHeader('x-request-id', requestId);
    req.headers['x-request-id'] = requestId;
    // A widget's page may make the listing reads its client secret may make over tRPC.
    corsThen(req, res, options, widgetRestRead(req), () => serve(req, res, requestId));
  };
}

const MAX_BODY_BYTES = MAX_INPUT_BYTES;

/** The methods `path` (relative to the REST root) takes; none when no operation has it. */
function methodsOf(path: string): string[] {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const methods: string[] = restRoutes.filter((r) => r.pattern.test(trimmed)).map((r) => r.method);
  // HEAD is answered wherever GET is (no body), and OPTIONS is a CORS preflight.
  if (methods.includes('GET')) methods.push('HEAD');
  return [...new Set(methods)];
}

function fail(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  requestId: string,
) {
  sendJson(res, status, { code, message, data: { code, httpStatus: status, requestId } });
}

/**
 * Reads a POST/PATCH/PUT body before the adapter does: malformed JSON is a 400
 * `PARSE_ERROR` (the adapter would answer 500), and no body at all (`curl -X POST
 * .../end`) is a call with no input rather than an unsupported media type.
 */
async function withJsonBody(
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
): Promise<boolean> {
  if (req.method === 'GET' || req.method === 'DELETE' || req.method === 'HEAD') return true;
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
    fail(res, 413, 'PAYLOAD_TOO_LARGE', 'The body is over 1 MB', requestId);
    return false;
  }
  // Media types are case-insensitive ("Application/JSON; charset=UTF-8" is JSON too).
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type && type !== 'application/json') {
    req.resume();
    const shown = type.length > 100 ? `${type.slice(0, 100)}…` : type;
    fail(
      res,
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `"${shown}" is not JSON: send application/json`,
      requestId,
    );
    return false;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      fail(res, 413, 'PAYLOAD_TOO_LARGE', 'The body is over 1 MB', requestId);
      return false;
    }
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks);
  // Nesting and size are bounded before JSON.parse walks the body.
  const verdict = scanJson(body);
  if (!verdict.ok) {
    fail(res, 400, 'BAD_REQUEST', verdict.reason, requestId);
    return false;
  }
  const text = body.toString('utf8').trim() || '{}';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    fail(res, 400, 'PARSE_ERROR', 'The body is not valid JSON', requestId);
    return false;
  }
  // Every REST body is an object of named fields; the REST layer merges path parameters
  // into it, which would quietly turn `[]`, `null` or `42` into an empty object.
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    fail(res, 400, 'BAD_REQUEST', 'The body must be a JSON object', requestId);
    return false;
  }
  // Validation copies objects, which would drop a `__proto__` key silently.
  const forbidden = forbiddenKeyPath(parsed);
  if (forbidden) {
    fail(res, 400, 'BAD_REQUEST', `${forbidden.join('.')}: is not an allowed key`, requestId);
    return false;
  }
  req.headers['content-type'] = 'application/json';
  // The Node adapter takes a body already read from `req.body`.
  (req as IncomingMessage & { body?: string }).body = text;
  return true;
}
