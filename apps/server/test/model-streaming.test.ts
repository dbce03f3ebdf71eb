import { randomUUID } from 'node:crypto';
import { placePiece } from '@parley/sdk';
import { sendTextSlowly, startFakeOpenAi } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvents } from './events';
import { httpClient, signUp, startTestServer, type TestServer, wsClient } from './harness';

/**
 * A model that writes its answer piece by piece (a local server speaking the
 * chat-completions streaming protocol) is streamed on to subscribers as it writes:
 * pieces that arrive apart go out as separate `assistant.delta` events, in order, all
 * before the stored reply. (Pieces that come back to back, like the rule agent's, are
 * sent as one delta.)
 */
const PIECES = ['Here ', 'is ', 'what ', 'I ', 'found.'];
let model: Awaited<ReturnType<typeof startFakeOpenAi>>;
let server: TestServer;
/** How long the model thinks before its first piece, and between pieces. */
let firstPieceAfterMs = 0;
let pieceEveryMs = 40;

beforeAll(async () => {
  model = await startFakeOpenAi((_request, res) => {
    setTimeout(() => void sendTextSlowly(res, PIECES, pieceEveryMs), firstPieceAfterMs);
  });
  server = await startTestServer({
    label: 'model',
    env: { ASSISTANT_PROVIDER: 'openai', OPENAI_BASE_URL: model.baseUrl, OPENAI_API_KEY: 'sk-x' },
  });
});
afterAll(async () => {
  await server?.close();
  await model?.close();
});

describe('a model streaming its answer', () => {
  it('reaches a WebSocket subscriber piece by piece, before the stored reply', async () => {
    const user = await signUp(httpClient(server.url), 'stream');
    const http = httpClient(server.url, user.accessToken);
    const ws = wsClient(server.url, user.accessToken);
    try {
      const { session } = await http.sessions.create.mutate({});
      const events = recordEvents(ws.client, session.id);
      await events.started();
      const clientMessageId = randomUUID();
      const sent = await http.sessions.send.mutate({
        sessionId: session.id,
        content: 'hello there',
        clientMessageId,
      });
      await events.until(() => events.received.some((r) => r.event.type === 'assistant.completed'));
      const types = events.received.map((r) => r.event.type);
      const deltas = events.received.flatMap((r) =>
        r.event.type === 'assistant.delta' ? [r.event] : [],
      );
      expect(deltas.map((d) => d.delta)).toEqual(PIECES);
      expect(deltas.every((d) => d.clientMessageId === clientMessageId)).toBe(true);
      expect(types.lastIndexOf('assistant.delta')).toBeLessThan(
        types.indexOf('assistant.completed'),
      );
      expect(sent.reply!.responseText).toBe(PIECES.join(''));
      expect(model.requests.length).toBeGreaterThan(0);
    } finally {
      await ws.close();
    }
  });

  it('shows the assistant typing only while an answer is slow to start', async () => {
    const user = await signUp(httpClient(server.url), 'slow');
    const http = httpClient(server.url, user.accessToken);
    const ws = wsClient(server.url, user.accessToken);
    firstPieceAfterMs = 800;
    try {
      const { session } = await http.sessions.create.mutate({});
      const events = recordEvents(ws.client, session.id);
      await events.started();
      await http.sessions.send.mutate({
        sessionId: session.id,
        content: 'hello again',
        clientMessageId: randomUUID(),
      });
      await events.until(() => events.received.some((r) => r.event.type === 'assistant.completed'));
      const seen = events.received.map((r) =>
        r.event.type === 'typing' ? `typing:${r.event.typing}` : r.event.type,
      );
      const on = seen.indexOf('typing:true');
      expect(on).toBeGreaterThan(seen.indexOf('run.started'));
      expect(on).toBeLessThan(seen.indexOf('assistant.delta'));
      expect(seen.indexOf('typing:false')).toBeGreaterThan(on);
    } finally {
      firstPieceAfterMs = 0;
      await ws.close();
    }
  });

  it('a tab that joins mid-reply gets the text written so far, then the rest (over WebSocket and SSE)', async () => {
    const user = await signUp(httpClient(server.url), 'late');
    const http = httpClient(server.url, user.accessToken);
    const ws = wsClient(server.url, user.accessToken);
    pieceEveryMs = 300;
    try {
      const { session, conversation } = await http.sessions.create.mutate({});
      const first = recordEvents(ws.client, session.id);
      await first.started();
      await http.sessions.send.mutate({
        sessionId: session.id,
        content: 'tell me slowly',
        clientMessageId: randomUUID(),
        wait: false,
      });
      const deltasOf = (events: typeof first) =>
        events.received.flatMap((r) => (r.event.type === 'assistant.delta' ? [r.event] : []));
      await first.until(() => deltasOf(first).length >= 2);
      // A reload, a second tab: one over WebSocket, one over SSE, on another session too.
      const second = await http.sessions.create.mutate({ conversationId: conversation.id });
      const late = [recordEvents(ws.client, session.id), recordEvents(http, second.session.id)];
      const done = (events: typeof first) =>
        events.received.some((r) => r.event.type === 'assistant.completed');
      for (const events of [first, ...late]) await events.until(() => done(events));
      const text = (events: typeof first) => {
        let shown = '';
        for (const piece of deltasOf(events)) shown = placePiece(shown, piece);
        return shown;
      };
      for (const events of late) {
        const pieces = deltasOf(events);
        // One piece holds everything written before it joined, from the start. (A piece
        // published just before that one may reach it first: past what it holds, it waits.)
        const catchUp = pieces.find((piece) => piece.offset === 0);
        expect(catchUp?.delta.length).toBeGreaterThanOrEqual(`${PIECES[0]}${PIECES[1]}`.length);
        // Seen live, before the stored reply: the whole answer.
        expect(text(events)).toBe(PIECES.join(''));
      }
      // The tab that was there all along is not disturbed by the repeat sent for the others.
      expect(text(first)).toBe(PIECES.join(''));
      for (const events of late) events.stop();
    } finally {
      pieceEveryMs = 40;
      await ws.close();
    }
  });
});
