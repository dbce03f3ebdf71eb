import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CachedSearchAnswer, SearchLanePrefetch } from '@parley/api';

const PATH = '/trpc/listings.search';

/** The one call a lane request carries, and whether it came as a batch (of one). */
export interface LaneCall {
  wireInput: unknown;
  batch: boolean;
}

/**
 * A `listings.search` the lane may answer: a GET without credentials (anyone may search;
 * a caller with one goes through tRPC, which checks it), alone or as the only call of a
 * batch, with nothing in the URL but `input` and `batch`. Anything else is tRPC's.
 */
export function laneCallOf(req: IncomingMessage): LaneCall | null {
  const url = req.url ?? '';
  if (req.method !== 'GET' || !url.startsWith(PATH)) return null;
  const query = url.indexOf('?');
  if ((query < 0 ? url : url.slice(0, query)) !== PATH || query < 0) return null;
  const { headers } = req;
  if (headers.authorization !== undefined || headers['x-api-key'] !== undefined) return null;
  // Streamed batches and SSE answer in other shapes.
  if (headers['trpc-accept'] !== undefined || headers.accept?.includes('text/event-stream'))
    return null;
  const params = new URLSearchParams(url.slice(query + 1));
  for (const name of params.keys()) if (name !== 'input' && name !== 'batch') return null;
  const raw = params.get('input');
  if (raw === null) return null;
  let input: unknown;
  try {
    input = JSON.parse(raw);
  } catch {
    return null;
  }
  const batch = params.get('batch');
  if (batch === null) return { wireInput: input, batch: false };
  if (batch !== '1' || input === null || typeof input !== 'object') return null;
  const calls = Object.keys(input);
  if (calls.length !== 1 || calls[0] !== '0') return null;
  return { wireInput: (input as Record<string, unknown>)['0'], batch: true };
}

/** What tRPC sends for a successful query, with the page's wire form as it was cached. */
export function sendLaneHit(res: ServerResponse, call: LaneCall, wireJson: string): void {
  const result = `{"result":{"data":${wireJson}}}`;
  const body = call.batch ? `[${result}]` : result;
  res.writeHead(200, {
    'content-type': 'application/json',
    vary: 'trpc-accept, accept',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** The lane's work handed to the procedure of the request it did not answer. */
export const lanePrefetches = new WeakMap<IncomingMessage, SearchLanePrefetch>();

export type SearchLane = (wireInput: unknown, ip: string) => Promise<CachedSearchAnswer>;
