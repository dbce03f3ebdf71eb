import { randomUUID } from 'node:crypto';
import { sendText, startFakeOpenAi } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordInboxEvents } from './events';
import { httpClient, signUp, startTestServer, type TestServer } from './harness';

/**
 * With the model agent (ASSISTANT_PROVIDER=openai, a local server speaking the
 * chat-completions protocol), a request for a person is answered by the model and ends,
 * like the rule agent's, with whether an agent is online right now (an `inbox.events`
 * stream open) and what happens next, in the language of the request.
 */

/** What the model says, in the language it was asked in (the prompt names it). */
const MODEL_SAYS = {
  English: 'Sure, I am passing this conversation to one of our agents.',
  Turkish: 'Tabii, bu konuşmayı temsilcilerimizden birine aktarıyorum.',
  Russian: 'Конечно, я передаю этот разговор одному из наших агентов.',
} as const;

let model: Awaited<ReturnType<typeof startFakeOpenAi>>;
let server: TestServer;

beforeAll(async () => {
  model = await startFakeOpenAi((request, res) => {
    const prompt = request.body.messages[0]?.content ?? '';
    const language = (Object.keys(MODEL_SAYS) as (keyof typeof MODEL_SAYS)[]).find((name) =>
      prompt.includes(`Answer in ${name}`),
    );
    sendText(res, [MODEL_SAYS[language ?? 'English']]);
  });
  server = await startTestServer({
    label: 'model_handoff',
    env: {
      ASSISTANT_PROVIDER: 'openai',
      OPENAI_BASE_URL: model.baseUrl,
      OPENAI_API_KEY: 'sk-x',
      SEED_DEMO_LISTINGS: '0',
    },
  });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await model?.close();
});

async function ask(content: string) {
  const user = await signUp(httpClient(server.url), 'model-handoff');
  const client = httpClient(server.url, user.accessToken);
  const { session, conversation } = await client.sessions.create.mutate({});
  const sent = await client.sessions.send.mutate({
    sessionId: session.id,
    content,
    clientMessageId: randomUUID(),
  });
  const mode = (await client.conversations.get.query({ id: conversation.id })).mode;
  return { reply: sent.reply!, mode, conversationId: conversation.id };
}

describe('the model agent asked for a person', () => {
  it('says no agent is online and what happens next, in English, Turkish and Russian', async () => {
    const cases = [
      ['I want to talk to a human agent', MODEL_SAYS.English, /No agent is online right now/],
      ['can I book a viewing?', MODEL_SAYS.English, /No agent is online right now/],
      [
        'bir temsilciyle görüşmek istiyorum',
        MODEL_SAYS.Turkish,
        /Şu anda çevrimiçi temsilci yok\. Talebiniz temsilcilerin gelen kutusunda bekliyor/,
      ],
      [
        'можно записаться на просмотр?',
        MODEL_SAYS.Russian,
        /Сейчас нет агентов в сети\. Ваш запрос ждёт во входящих/,
      ],
    ] as const;
    for (const [words, said, next] of cases) {
      const { reply, mode } = await ask(words);
      expect(reply.agent).toBe('openai');
      expect(reply.responseText.startsWith(said)).toBe(true);
      expect(reply.responseText).toMatch(next);
      expect(mode).toBe('waiting');
    }
  });

  it('says an agent is online while one watches the inbox', async () => {
    const staff = await signUp(httpClient(server.url), 'model-agent');
    await server.db.query("UPDATE users SET role = 'agent' WHERE id = $1", [staff.user.id]);
    const watching = recordInboxEvents(httpClient(server.url, staff.accessToken));
    await watching.started();
    try {
      const en = await ask('please call me');
      expect(en.reply.agent).toBe('openai');
      expect(en.reply.responseText).toMatch(/An agent is online right now and will join here/);
      const tr = await ask('beni arayın lütfen');
      expect(tr.reply.responseText).toMatch(/Şu anda çevrimiçi bir temsilcimiz var/);
      const ru = await ask('позовите оператора');
      expect(ru.reply.responseText).toMatch(/Агент сейчас в сети/);
      await watching.until(() =>
        watching.received.some(
          (r) => (r.event as { conversationId?: string }).conversationId === ru.conversationId,
        ),
      );
    } finally {
      watching.stop();
    }
  });

  it('adds nothing to an answer that is not about a person', async () => {
    const { reply, mode } = await ask('hello there');
    expect(reply.agent).toBe('openai');
    expect(reply.responseText).toBe(MODEL_SAYS.English);
    expect(mode).toBe('assistant');
  });
});
