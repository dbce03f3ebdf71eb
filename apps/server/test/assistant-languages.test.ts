import { randomUUID } from 'node:crypto';
import { type AssistantReply, createParleyClient, type ParleyClient } from '@parley/sdk';
import { townsMatching } from '@parley/validators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness';

/**
 * The assistant end to end: the real server with demo listings, called with the real
 * SDK over HTTP and WebSocket, in English, Turkish and Russian.
 */

let server: TestServer;
let client: ParleyClient;

beforeAll(async () => {
  server = await startTestServer({ label: 'languages', env: { SEED_DEMO_LISTINGS: '300' } });
  client = createParleyClient({ url: server.url });
  const auth = await client.auth.register.mutate({
    email: `lang-${randomUUID().slice(0, 8)}@example.com`,
    password: `correct horse ${randomUUID().slice(0, 8)}`,
    name: 'Languages',
  });
  client.setTokens({ accessToken: auth.accessToken });
}, 60_000);

afterAll(async () => {
  await client?.close();
  await server?.close();
});

async function say(chat: Awaited<ReturnType<ParleyClient['chat']['open']>>, content: string) {
  let text = '';
  let reply: AssistantReply | undefined;
  for await (const piece of chat.send(content)) {
    if (piece.type === 'delta') text += piece.text;
    else if (piece.type === 'reply') reply = piece.reply;
  }
  expect(reply).toBeDefined();
  expect(text).toBe(reply!.responseText);
  return reply!;
}

describe('the assistant in three languages, through the SDK', () => {
  it('understands a Turkish request, answers in Turkish, and refines it', async () => {
    const chat = await client.chat.open();
    const first = await say(chat, "Girne'de kiralık 2+1 daire");
    expect(first.language).toBe('tr');
    expect(first.appliedFilters).toEqual({
      location: 'Girne',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    });
    expect(first.responseText).toMatch(/ilan buldum/);
    const girne = townsMatching('Girne');
    for (const listing of first.recommendations) {
      expect(girne).toContain(listing.location);
      expect(listing.pricePeriod).toBe('month');
      expect(listing.bedrooms).toBe(2);
    }

    const cheaper = await say(chat, 'en fazla 900 sterlin, havuzlu olsun');
    expect(cheaper.language).toBe('tr');
    expect(cheaper.responseText).toMatch(/^Güncellendi: /);
    const memory = await client.sessions.memory.query({ sessionId: chat.sessionId });
    expect(memory.facts).toMatchObject({ location: 'Girne', maxPrice: 900, features: ['pool'] });
    await chat.close();
  });

  it('answers a Russian request in Russian with monthly prices only', async () => {
    const chat = await client.chat.open();
    const reply = await say(chat, 'Ищу квартиру в Кирении до 1000 фунтов');
    expect(reply.language).toBe('ru');
    expect(reply.appliedFilters).toMatchObject({
      location: 'Girne',
      propertyType: 'apartment',
      rentType: 'long_term',
      maxPrice: 1000,
    });
    expect(reply.recommendations.every((l) => l.pricePeriod === 'month')).toBe(true);
    const notGirne = await say(chat, 'не в Кирении');
    expect(notGirne.appliedFilters.excludeLocations).toEqual(['Girne']);
    const girne = townsMatching('Girne');
    for (const listing of notGirne.recommendations) expect(girne).not.toContain(listing.location);
    await chat.close();
  });

  it('an off-topic question changes nothing', async () => {
    const chat = await client.chat.open();
    await say(chat, 'flat to rent in Famagusta');
    const weather = await say(chat, "what's the weather like in Kyrenia?");
    expect(weather.language).toBe('en');
    expect(weather.recommendations).toEqual([]);
    const memory = await client.sessions.memory.query({ sessionId: chat.sessionId });
    expect(memory.facts).toEqual({
      location: 'Gazimağusa',
      rentType: 'long_term',
      propertyType: 'apartment',
    });
    await chat.close();
  });

  it('a purchase budget after a rent search switches to buying, and says so', async () => {
    const chat = await client.chat.open();
    await say(chat, "Girne'de kiralık 2+1 daire 5000 TL altı");
    const buy = await say(chat, 'А есть дом с бассейном в Фамагусте до 200000 фунтов?');
    expect(buy.language).toBe('ru');
    expect(buy.responseText).toMatch(/как цену покупки/);
    expect(buy.responseText).not.toMatch(/200 000 £ в месяц/);
    const memory = await client.sessions.memory.query({ sessionId: chat.sessionId });
    expect(memory.facts).toMatchObject({ rentType: 'sale', maxPrice: 200_000 });
    for (const listing of buy.recommendations) expect(listing.rentType).toBe('sale');
    await chat.close();
  });

  it('a language it does not read is told which ones it does, and changes nothing', async () => {
    const chat = await client.chat.open();
    await say(chat, 'flat to rent in Famagusta');
    for (const content of ['أبحث عن شقة في كيرينيا', 'Ich suche eine Wohnung, bitte']) {
      const reply = await say(chat, content);
      expect(reply.responseText).toMatch(/I understand English, Turkish and Russian/);
      expect(reply.responseText).toMatch(/Я понимаю английский, турецкий и русский/);
      expect(reply.recommendations).toEqual([]);
    }
    const memory = await client.sessions.memory.query({ sessionId: chat.sessionId });
    expect(memory.facts).toEqual({
      location: 'Gazimağusa',
      rentType: 'long_term',
      propertyType: 'apartment',
    });
    await chat.close();
  });

  it('listings.search takes excludeLocations and pricePeriod', async () => {
    const page = await client.listings.search.query({
      excludeLocations: ['Kyrenia'],
      pricePeriod: 'night',
      limit: 100,
    });
    expect(page.items.length).toBeGreaterThan(0);
    const girne = townsMatching('Girne');
    for (const listing of page.items) {
      expect(girne).not.toContain(listing.location);
      expect(listing.pricePeriod).toBe('night');
    }
  });
});
