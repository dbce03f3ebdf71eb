import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, signUp, startTestServer, type TestServer } from './harness';

/** Widget chats (sessions for an endUserId) stay out of the owner's own list unless asked for. */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ label: 'end-users' });
});
afterAll(() => server?.close());

describe('conversations.list and end users', () => {
  it("leaves end users' conversations out unless their endUserId is given", async () => {
    const person = await signUp(httpClient(server.url), 'shop');
    const { key } = await httpClient(server.url, person.accessToken).auth.apiKeys.create.mutate({
      name: 'widget',
      scopes: ['sessions:write', 'conversations:read', 'conversations:write'],
    });
    const api = httpClient(server.url, key);
    const own = await api.conversations.create.mutate({ title: 'my own' });
    const alice = await api.sessions.create.mutate({ endUserId: 'alice' });
    const bob = await api.sessions.create.mutate({ endUserId: 'bob' });
    const ownSession = await api.sessions.create.mutate({});

    const mine = (await api.conversations.list.query({})).items.map((c) => c.id);
    expect(mine.sort()).toEqual([own.id, ownSession.conversation.id].sort());
    const ofAlice = await api.conversations.list.query({ endUserId: 'alice' });
    expect(ofAlice.items.map((c) => c.id)).toEqual([alice.conversation.id]);
    const ofBob = await api.conversations.list.query({ endUserId: 'bob' });
    expect(ofBob.items.map((c) => c.id)).toEqual([bob.conversation.id]);
    expect((await api.conversations.list.query({ endUserId: "x' OR 1=1 --" })).items).toEqual([]);
    // A user's own list in the app is the same.
    const asUser = httpClient(server.url, person.accessToken);
    expect((await asUser.conversations.list.query({})).items).toHaveLength(2);
  });
});
