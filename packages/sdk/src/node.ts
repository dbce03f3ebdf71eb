/**
 * @parley/sdk for Node (the `node` export condition): Node 20 has no global WebSocket
 * or EventSource, so this entry brings `ws` and `eventsource`. Browser bundles never
 * see this file.
 */
import { EventSource } from 'eventsource';
import WebSocket from 'ws';
import {
  createClient,
  type ParleyClient,
  type ParleyClientOptions,
  type WebSocketLike,
} from './client';

/**
 * Creates a typed Parley client. Queries and mutations go over HTTP (batched);
 * subscriptions over a WebSocket (`ws`), or SSE with `transport: 'sse'`.
 *
 * ```ts
 * const client = createParleyClient({ url: 'http://localhost:3000', apiKey: process.env.PARLEY_KEY });
 * const { items } = await client.listings.search.query({ location: 'Kyrenia' });
 * ```
 */
export function createParleyClient(options: ParleyClientOptions): ParleyClient {
  return createClient(options, {
    WebSocket: WebSocket as unknown as WebSocketLike,
    EventSource,
  });
}

export * from './public';
