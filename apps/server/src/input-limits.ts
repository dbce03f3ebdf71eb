import type { IncomingMessage, ServerResponse } from 'node:http';
import superjson from 'superjson';

/**
 * Bounds on what a client may send, checked on the raw bytes before anything parses or
 * decodes them: JSON.parse and superjson walk nested input recursively, so a 1 MB body of
 * nested arrays held the event loop for seconds, before any credential was looked at.
 */
export const MAX_INPUT_BYTES = 1_048_576;
/** Nesting of the wire form: a batch, superjson's envelope and metadata fit well within. */
export const MAX_INPUT_DEPTH = 64;
/** Arrays, objects and values separated by commas: real calls hold far fewer. */
export const MAX_INPUT_NODES = 50_000;
/**
 * Members of one object. A very wide object is the costly kind to parse (V8 turns it into
 * a hash table key by key: 49,000 keys took over 100 ms), and no real input has one.
 */
export const MAX_OBJECT_MEMBERS = 1_000;

const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const COMMA = 0x2c;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export type InputVerdict =
  | { ok: true /** The first byte that is not JSON whitespace (0 when none). */; first: number }
  | { ok: false; reason: string };

/**
 * Checks the JSON text's nesting depth and size in nodes without parsing it: one plain
 * pass, about a millisecond per megabyte (JSON.parse of the same megabyte costs tens).
 * Works on UTF-8 bytes directly: every byte of a multi-byte character is >= 0x80, so it
 * is never taken for a bracket, a quote or a backslash.
 */
export function scanJson(input: Uint8Array | string): InputVerdict {
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  const length = bytes.length;
  let depth = 0;
  let nodes = 0;
  // Per open container: -1 for an array, else the commas seen so far in that object.
  const commas = new Int32Array(MAX_INPUT_DEPTH + 2);
  commas[0] = -1;
  let first = 0;
  let inString = false;
  for (let i = 0; i < length; i++) {
    const c = bytes[i] as number;
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (first === 0 && c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) first = c;
    if (c === QUOTE) inString = true;
    else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > MAX_INPUT_DEPTH) {
        return { ok: false, reason: `Input is nested more than ${MAX_INPUT_DEPTH} levels deep` };
      }
      if (++nodes > MAX_INPUT_NODES) {
        return { ok: false, reason: `Input holds more than ${MAX_INPUT_NODES} values` };
      }
      commas[depth] = c === OPEN_OBJECT ? 0 : -1;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      if (depth > 0) depth--;
    } else if (c === COMMA) {
      if (++nodes > MAX_INPUT_NODES) {
        return { ok: false, reason: `Input holds more than ${MAX_INPUT_NODES} values` };
      }
      if (commas[depth]! >= 0 && ++commas[depth]! >= MAX_OBJECT_MEMBERS) {
        return { ok: false, reason: `An object of the input has over ${MAX_OBJECT_MEMBERS} keys` };
      }
    }
  }
  return { ok: true, first };
}

/** tRPC's JSON-RPC codes for the two refusals. */
const RPC_CODES = {
  BAD_REQUEST: -32600,
  PAYLOAD_TOO_LARGE: -32413,
  SERVICE_UNAVAILABLE: -32603,
} as const;
type Refusal = keyof typeof RPC_CODES;
const STATUS: Record<Refusal, number> = {
  BAD_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  SERVICE_UNAVAILABLE: 503,
};

/** The error as tRPC would send it (superjson-encoded shape), readable by any tRPC client. */
export function trpcErrorBody(
  code: Refusal,
  message: string,
  requestId: string | undefined,
  retryAfter?: number,
) {
  const shape = {
    message,
    code: RPC_CODES[code],
    data: {
      code,
      httpStatus: STATUS[code],
      ...(requestId ? { requestId } : {}),
      ...(retryAfter ? { retryAfter } : {}),
    },
  };
  return superjson.serialize(shape);
}

function refuse(res: ServerResponse, code: Refusal, message: string, requestId: string): void {
  const text = JSON.stringify({ error: trpcErrorBody(code, message, requestId) });
  res.writeHead(STATUS[code], {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    // The rest of an oversized body is not read.
    ...(code === 'PAYLOAD_TOO_LARGE' ? { connection: 'close' } : {}),
  });
  res.end(text);
}

/**
 * Reads a tRPC request's input (the `input` query parameter, and the body of a POST) and
 * checks it before tRPC sees it. Resolves true when the call may go on; the body then is
 * on `req.body`, where tRPC's Node adapter takes it from. Otherwise the refusal has been
 * sent.
 */
export async function admitTrpcInput(
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
): Promise<boolean> {
  const query = (req.url ?? '').indexOf('?');
  try {
    // tRPC decodes the path itself, and a bad escape there would be its internal error.
    decodeURIComponent((req.url ?? '').slice(0, query < 0 ? undefined : query));
  } catch {
    refuse(res, 'BAD_REQUEST', 'The path is not a valid percent-encoded procedure name', requestId);
    return false;
  }
  if (query >= 0) {
    const input = new URLSearchParams((req.url ?? '').slice(query + 1)).get('input');
    const verdict = input ? scanJson(input) : undefined;
    if (verdict && !verdict.ok) {
      refuse(res, 'BAD_REQUEST', verdict.reason, requestId);
      return false;
    }
  }
  if (req.method !== 'POST') return true;
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_INPUT_BYTES) {
    refuse(res, 'PAYLOAD_TOO_LARGE', 'The body is over 1 MB', requestId);
    return false;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_INPUT_BYTES) {
      refuse(res, 'PAYLOAD_TOO_LARGE', 'The body is over 1 MB', requestId);
      return false;
    }
    chunks.push(chunk);
  }
  const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  const verdict = scanJson(body);
  if (!verdict.ok) {
    refuse(res, 'BAD_REQUEST', verdict.reason, requestId);
    return false;
  }
  (req as IncomingMessage & { body?: string }).body = body.toString('utf8');
  return true;
}

/**
 * A tRPC call that arrives while the server is still starting gets a real tRPC error
 * (SERVICE_UNAVAILABLE with retryAfter, and a Retry-After header), which every tRPC
 * client reads, instead of a body no client can decode.
 */
export function refuseWhileStarting(res: ServerResponse, requestId: string): void {
  const text = JSON.stringify({
    error: trpcErrorBody(
      'SERVICE_UNAVAILABLE',
      'Parley is starting, try again shortly',
      requestId,
      1,
    ),
  });
  res.writeHead(503, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'retry-after': '1',
  });
  res.end(text);
}
