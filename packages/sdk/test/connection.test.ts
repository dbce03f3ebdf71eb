import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import {
  type ConnectionState,
  ConnectionTracker,
  fromTrpcState,
  SubscriptionStates,
} from '../src/connection';
import { createParleyClient } from '../src/node';

describe('connection state, unit', () => {
  it("names tRPC's states", () => {
    expect(fromTrpcState({ state: 'idle', error: null })).toBe('idle');
    expect(fromTrpcState({ state: 'connecting', error: null })).toBe('connecting');
    expect(fromTrpcState({ state: 'connecting', error: new Error('closed') })).toBe('reconnecting');
    expect(fromTrpcState({ state: 'pending', error: null })).toBe('open');
  });

  it('notifies on change only, and stays closed once closed', () => {
    const tracker = new ConnectionTracker('ws');
    const seen: ConnectionState[] = [];
    const stop = tracker.subscribe((s) => seen.push(s));
    tracker.set('connecting');
    tracker.set('connecting');
    tracker.set('open');
    tracker.set('closed');
    tracker.set('open');
    expect(seen).toEqual(['connecting', 'open', 'closed']);
    expect(tracker.state).toBe('closed');
    stop();
  });

  it('a throwing listener does not stop the others', () => {
    const tracker = new ConnectionTracker('sse');
    const seen: ConnectionState[] = [];
    tracker.subscribe(() => {
      throw new Error('listener bug');
    });
    tracker.subscribe((s) => seen.push(s));
    tracker.set('open');
    expect(seen).toEqual(['open']);
  });

  it('SSE: open when every stream is, reconnecting when any is, idle when none', () => {
    const tracker = new ConnectionTracker('sse');
    const states = new SubscriptionStates(tracker);
    states.update(1, 'connecting');
    expect(tracker.state).toBe('connecting');
    states.update(1, 'open');
    states.update(2, 'open');
    expect(tracker.state).toBe('open');
    states.update(2, 'reconnecting');
    expect(tracker.state).toBe('reconnecting');
    states.update(2, null);
    expect(tracker.state).toBe('open');
    states.update(1, 'idle');
    expect(tracker.state).toBe('idle');
  });
});

describe('connection state over a real socket', () => {
  it('idle -> connecting -> open -> reconnecting -> open -> closed', async () => {
    // A bare WebSocket server: enough for the socket's life cycle, no tRPC needed.
    let received = 0;
    const listen = (port: number) => {
      const server = new WebSocketServer({ port, host: '127.0.0.1' });
      server.on('connection', (socket) =>
        socket.on('message', (data) => {
          if (String(data).includes('"subscription"')) received += 1;
        }),
      );
      return server;
    };
    let wss = listen(0);
    await new Promise((resolve) => wss.once('listening', resolve));
    const port = (wss.address() as AddressInfo).port;
    const client = createParleyClient({
      url: `http://127.0.0.1:${port}`,
      token: 'anything',
      retryDelayMs: () => 100,
    });
    const seen: ConnectionState[] = [];
    client.connection.subscribe((s) => seen.push(s));
    expect(client.connection.transport).toBe('ws');
    expect(client.connection.state).toBe('idle');

    const waitFor = (state: ConnectionState) =>
      new Promise<void>((resolve) => {
        if (client.connection.state === state) return resolve();
        const stop = client.connection.subscribe((s) => {
          if (s === state) {
            stop();
            resolve();
          }
        });
      });

    // A subscription opens the socket (the server never answers it; that is fine here).
    const subscription = client.sessions.events.subscribe(
      { sessionId: '018f0000-0000-7000-8000-000000000000' },
      {},
    );
    await waitFor('open');
    while (received === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    // The server goes away: the client reconnects by itself when it is back.
    for (const socket of wss.clients) socket.terminate();
    await new Promise((resolve) => wss.close(resolve));
    await waitFor('reconnecting');
    wss = listen(port);
    await waitFor('open');
    // The live subscription was sent again on the new socket.
    while (received < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    subscription.unsubscribe();
    await client.close();
    expect(seen).toEqual(['connecting', 'open', 'reconnecting', 'open', 'closed']);
    await new Promise((resolve) => wss.close(resolve));
  });
});
