import { randomUUID } from 'node:crypto';
import { appRouter } from '@parley/api';
import { type ListingCreateInput, SCOPES, type Scope, type SendResult } from '@parley/validators';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  recordAlertEvents,
  recordConversationEvents,
  recordEvents,
  recordInboxEvents,
} from './events';
import {
  type Client,
  httpClient,
  signUp,
  startTestServer,
  type TestServer,
  wsClient,
} from './harness';

/**
 * The authorization matrix: every procedure the router has, against every kind of
 * caller, over HTTP and over WebSocket. A procedure added without a rule here fails the
 * first test, so no endpoint ships without a decided access rule.
 */

type Caller =
  | 'anonymous'
  | 'userA'
  | 'userB'
  | 'keyWithScope'
  | 'keyWithoutScope'
  | 'otherSecret'
  | 'ownSecret'
  | 'expired'
  | 'tampered'
  | 'admin';
const CALLERS: Caller[] = [
  'anonymous',
  'userA',
  'userB',
  'admin',
  'keyWithScope',
  'keyWithoutScope',
  'otherSecret',
  'ownSecret',
  'expired',
  'tampered',
];
type Outcome = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND';

/** How a procedure decides, and so what each caller gets. */
type Access =
  | 'public' // credentials are not looked at
  | 'public-checked' // public, but a credential that is sent must be valid
  | 'user' // a signed-in person only
  | 'user-or-key' // a signed-in person or any API key, not a session secret
  | 'user-own' // a signed-in person, on an object of A's
  | 'scoped' // user or key with the scope; nothing of A's involved
  | 'scoped-own' // user or key with the scope, on an object of A's
  | 'session' // A's session: owner or that session's secret (a sessions:write key: its own only)
  | 'session-owner' // A's session: its owner, not a secret (a sessions:write key: its own only)
  | 'listing-writer' // role agent/admin or listings:write (A is an agent, B a plain user)
  | 'listing-owner' // a listing A created: its creator, or A's listings:write key
  | 'admin' // an admin signed in (not A, an agent; never a key or a secret)
  | 'staff'; // an agent (A) or an admin signed in; never a key or a secret

const BAD: Record<'expired' | 'tampered' | 'anonymous', Outcome> = {
  anonymous: 'UNAUTHORIZED',
  expired: 'UNAUTHORIZED',
  tampered: 'UNAUTHORIZED',
};

function expected(access: Access, caller: Caller): Outcome {
  if (access === 'public') return 'ok';
  if (access === 'public-checked')
    return caller === 'expired' || caller === 'tampered' ? 'UNAUTHORIZED' : 'ok';
  if (caller === 'anonymous' || caller === 'expired' || caller === 'tampered') return BAD[caller];
  const secret = caller === 'otherSecret' || caller === 'ownSecret';
  // The admin is a signed-in person of their own: nothing of A's is theirs, but an admin
  // may change any listing.
  if (caller === 'admin') {
    if (access === 'user-own' || access === 'scoped-own') return 'NOT_FOUND';
    if (access === 'session' || access === 'session-owner') return 'NOT_FOUND';
    return 'ok';
  }
  switch (access) {
    case 'admin':
      return 'FORBIDDEN';
    case 'staff':
      return caller === 'userA' ? 'ok' : 'FORBIDDEN';
    case 'user':
      return caller === 'userA' || caller === 'userB' ? 'ok' : 'FORBIDDEN';
    case 'user-or-key':
      return secret ? 'FORBIDDEN' : 'ok';
    case 'user-own':
      return caller === 'userA' ? 'ok' : caller === 'userB' ? 'NOT_FOUND' : 'FORBIDDEN';
    case 'scoped':
      return secret || caller === 'keyWithoutScope' ? 'FORBIDDEN' : 'ok';
    case 'scoped-own':
      if (secret || caller === 'keyWithoutScope') return 'FORBIDDEN';
      return caller === 'userB' ? 'NOT_FOUND' : 'ok';
    // A's sessions are made with A's token: a key holding sessions:write alone (without
    // conversations:read) reaches only sessions it made, so not these.
    case 'session':
      if (caller === 'keyWithoutScope') return 'FORBIDDEN';
      return caller === 'userB' || caller === 'otherSecret' || caller === 'keyWithScope'
        ? 'NOT_FOUND'
        : 'ok';
    case 'session-owner':
      if (secret || caller === 'keyWithoutScope') return 'FORBIDDEN';
      return caller === 'userB' || caller === 'keyWithScope' ? 'NOT_FOUND' : 'ok';
    case 'listing-writer':
      return caller === 'userA' || caller === 'keyWithScope' ? 'ok' : 'FORBIDDEN';
    case 'listing-owner':
      return caller === 'userA' || caller === 'keyWithScope' ? 'ok' : 'FORBIDDEN';
  }
}

interface Target {
  sessionId?: string;
}
interface Rule {
  access: Access;
  /** The scope an API key needs (keys "with" hold only it; keys "without" hold all others). */
  scope?: Scope;
  /** Builds the input; may create fresh objects of A's (for destructive calls). */
  input: (fx: Fixtures, target: Target) => Promise<unknown> | unknown;
  /** Destructive for the caller's own credential (logout): give the caller a fresh one. */
  freshCredential?: boolean;
  /** Uses a session of A's: `ownSecret` is that session's secret. */
  session?: boolean;
}

interface Fixtures {
  a: Awaited<ReturnType<typeof signUp>>;
  b: Awaited<ReturnType<typeof signUp>>;
  /** An admin. */
  c: Awaited<ReturnType<typeof signUp>>;
  httpA: Client;
  conversation(): Promise<string>;
  session(): Promise<{ id: string; secret: string }>;
  listing(): Promise<string>;
  savedSearch(): Promise<string>;
  apiKeyOfA(): Promise<string>;
  refreshTokenOfA(): Promise<string>;
  key(scopes: Scope[]): Promise<string>;
  /** A conversation of B's that asked for a person. */
  waiting(): Promise<string>;
  /** A conversation of B's that asked for a person and that A claimed. */
  claimed(): Promise<string>;
  /** A finished turn (user message and run) in the target's session, sent by A. */
  turn(target: Target): Promise<SendResult>;
  /** A webhook of A's (a fresh one for destructive calls). */
  webhook(fresh?: boolean): Promise<string>;
  /** A delivery of A's webhook. */
  delivery(): Promise<string>;
}

const listingFields = {
  title: 'Sunny flat near the harbour',
  description: 'Two bedrooms, balcony, walk to the harbour.',
  location: 'Kyrenia',
  rentType: 'long_term',
  propertyType: 'apartment',
  bedrooms: 2,
  bathrooms: 1,
  areaSqm: 85,
  price: 950,
  currency: 'GBP',
  features: ['balcony'],
} satisfies ListingCreateInput;

const RULES: Record<string, Rule> = {
  'auth.register': {
    access: 'public',
    input: () => ({
      email: `r-${randomUUID()}@example.com`,
      password: 'a fine long passphrase',
      name: 'R',
    }),
  },
  'auth.login': {
    access: 'public',
    input: (fx) => ({ email: fx.a.email, password: fx.a.password }),
  },
  'auth.refresh': {
    access: 'public',
    input: async (fx) => ({ refreshToken: await fx.refreshTokenOfA() }),
  },
  'auth.guest': { access: 'public', input: () => undefined },
  'auth.logout': { access: 'user', input: () => ({}), freshCredential: true },
  'auth.me': { access: 'user-or-key', input: () => undefined },
  'auth.apiKeys.create': {
    access: 'user',
    input: () => ({ name: 'k', scopes: ['listings:read'] }),
  },
  'auth.apiKeys.list': { access: 'user', input: () => undefined },
  'auth.apiKeys.revoke': {
    access: 'user-own',
    input: async (fx) => ({ id: await fx.apiKeyOfA() }),
  },
  'conversations.create': {
    access: 'scoped',
    scope: 'conversations:write',
    input: () => ({ title: 't' }),
  },
  'conversations.list': { access: 'scoped', scope: 'conversations:read', input: () => ({}) },
  'conversations.get': {
    access: 'scoped-own',
    scope: 'conversations:read',
    input: async (fx) => ({ id: await fx.conversation() }),
  },
  'conversations.update': {
    access: 'scoped-own',
    scope: 'conversations:write',
    input: async (fx) => ({ id: await fx.conversation(), title: 'new' }),
  },
  'conversations.delete': {
    access: 'scoped-own',
    scope: 'conversations:write',
    input: async (fx) => ({ id: await fx.conversation() }),
  },
  'conversations.messages': {
    access: 'scoped-own',
    scope: 'conversations:read',
    input: async (fx) => ({ conversationId: await fx.conversation() }),
  },
  'conversations.memory': {
    access: 'scoped-own',
    scope: 'conversations:read',
    input: async (fx) => ({ conversationId: await fx.conversation() }),
  },
  'conversations.updateMemory': {
    access: 'scoped-own',
    scope: 'conversations:write',
    input: async (fx) => ({
      conversationId: await fx.conversation(),
      facts: { location: 'Girne' },
    }),
  },
  'conversations.events': {
    access: 'scoped-own',
    scope: 'conversations:read',
    input: async (fx) => ({ conversationId: await fx.conversation() }),
  },
  'sessions.create': { access: 'scoped', scope: 'sessions:write', input: () => ({}) },
  'sessions.get': {
    access: 'session',
    scope: 'sessions:write',
    session: true,
    input: (_fx, t) => ({ id: t.sessionId }),
  },
  'sessions.list': { access: 'user', input: () => ({}) },
  'sessions.refreshSecret': {
    access: 'session-owner',
    scope: 'sessions:write',
    session: true,
    input: (_fx, t) => ({ id: t.sessionId }),
  },
  'sessions.end': {
    access: 'session-owner',
    scope: 'sessions:write',
    session: true,
    input: (_fx, t) => ({ id: t.sessionId }),
  },
  'sessions.send': {
    access: 'session',
    scope: 'sessions:write',
    session: true,
    input: (_fx, t) => ({
      sessionId: t.sessionId,
      content: 'flat in Girne',
      clientMessageId: randomUUID(),
    }),
  },
  'sessions.cancelRun': {
    access: 'session',
    scope: 'sessions:write',
    session: true,
    input: async (fx, t) => ({ sessionId: t.sessionId, runId: (await fx.turn(t)).run!.id }),
  },
  'sessions.retry': {
    access: 'session',
    scope: 'sessions:write',
    session: true,
    input: async (fx, t) => ({
      sessionId: t.sessionId,
      messageId: (await fx.turn(t)).userMessage.id,
      clientMessageId: randomUUID(),
    }),
  },
  'sessions.runs': {
    access: 'session',
    scope: 'sessions:write',
    session: true,
    input: (_fx, t) => ({ sessionId: t.sessionId }),
  },
  'sessions.typing': {
    access: 'session',
    scope: 'sessions:write',
    session: true,
    input: (_fx, t) => ({ sessionId: t.sessionId, typing: true }),
  },
  'sessions.memory': {
    access: 'session',
    scope: 'sessions:write',
    session: true,
    input: (_fx, t) => ({ sessionId: t.sessionId }),
  },
  'sessions.events': {
    access: 'session',
    scope: 'sessions:write',
    session: true,
    input: (_fx, t) => ({ sessionId: t.sessionId }),
  },
  'admin.users.list': { access: 'admin', input: () => ({ search: 'bob' }) },
  'admin.users.setRole': {
    access: 'admin',
    input: (fx) => ({ userId: fx.b.user.id, role: 'user' }),
  },
  'inbox.list': { access: 'staff', input: () => ({ filter: 'waiting' }) },
  'inbox.get': {
    access: 'staff',
    input: async (fx) => ({ conversationId: await fx.waiting() }),
  },
  'inbox.claim': {
    access: 'staff',
    input: async (fx) => ({ conversationId: await fx.waiting() }),
  },
  'inbox.release': {
    access: 'staff',
    input: async (fx) => ({ conversationId: await fx.claimed(), to: 'assistant' }),
  },
  'inbox.events': { access: 'staff', input: () => ({}) },
  'sessions.requestAgent': {
    access: 'session',
    scope: 'sessions:write',
    session: true,
    input: (_fx, t) => ({ sessionId: t.sessionId }),
  },
  'listings.search': { access: 'public-checked', input: () => ({ location: 'Girne', limit: 2 }) },
  'listings.get': { access: 'public-checked', input: async (fx) => ({ id: await fx.listing() }) },
  'listings.similar': {
    access: 'public-checked',
    input: async (fx) => ({ id: await fx.listing() }),
  },
  'favorites.add': { access: 'user', input: async (fx) => ({ listingId: await fx.listing() }) },
  'favorites.remove': {
    access: 'user',
    input: async (fx) => ({ listingId: await fx.listing() }),
  },
  'favorites.list': { access: 'user', input: () => ({}) },
  'searches.create': {
    access: 'user',
    input: () => ({ query: { location: 'Girne', minBedrooms: 2 } }),
  },
  'searches.list': { access: 'user', input: () => ({}) },
  'searches.update': {
    access: 'user-own',
    input: async (fx) => ({ id: await fx.savedSearch(), paused: true }),
  },
  'searches.delete': {
    access: 'user-own',
    input: async (fx) => ({ id: await fx.savedSearch() }),
  },
  'alerts.list': { access: 'user', input: () => ({}) },
  'alerts.markRead': { access: 'user', input: () => ({ all: true }) },
  'alerts.events': { access: 'user', input: () => ({}) },
  'listings.create': {
    access: 'listing-writer',
    scope: 'listings:write',
    input: () => listingFields,
  },
  'listings.update': {
    access: 'listing-owner',
    scope: 'listings:write',
    input: async (fx) => ({ id: await fx.listing(), price: 975 }),
  },
  'listings.delete': {
    access: 'listing-owner',
    scope: 'listings:write',
    input: async (fx) => ({ id: await fx.listing() }),
  },
  'webhooks.create': {
    access: 'scoped',
    scope: 'webhooks:write',
    input: () => ({ url: WEBHOOK_URL, events: ['ping'] }),
  },
  'webhooks.list': { access: 'scoped', scope: 'webhooks:write', input: () => undefined },
  'webhooks.update': {
    access: 'scoped-own',
    scope: 'webhooks:write',
    input: async (fx) => ({ id: await fx.webhook(), description: 'matrix' }),
  },
  'webhooks.delete': {
    access: 'scoped-own',
    scope: 'webhooks:write',
    input: async (fx) => ({ id: await fx.webhook(true) }),
  },
  'webhooks.deliveries': {
    access: 'scoped-own',
    scope: 'webhooks:write',
    input: async (fx) => ({ webhookId: await fx.webhook() }),
  },
  'webhooks.redeliver': {
    access: 'scoped-own',
    scope: 'webhooks:write',
    input: async (fx) => ({ deliveryId: await fx.delivery() }),
  },
  'webhooks.test': {
    access: 'scoped-own',
    scope: 'webhooks:write',
    input: async (fx) => ({ id: await fx.webhook() }),
  },
};

// Nothing listens on the discard port: an attempt fails at once and is retried later.
const WEBHOOK_URL = 'http://127.0.0.1:9/matrix';

let server: TestServer;
let fx: Fixtures;
let expiredToken: string;
let tamperedToken: string;

beforeAll(async () => {
  server = await startTestServer({
    label: 'access',
    env: {
      RATE_LIMIT_REGISTER_PER_IP_PER_HOUR: '100000',
      RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE: '100000',
      RATE_LIMIT_LOGIN_PER_ACCOUNT_PER_MINUTE: '100000',
      RATE_LIMIT_LOGIN_PER_ACCOUNT_PER_HOUR: '100',
      WS_MAX_SUBSCRIPTIONS: '1000',
      WEBHOOK_ALLOW_PRIVATE: 'true',
    },
  });
  const anon = httpClient(server.url);
  const a = await signUp(anon, 'alice');
  const b = await signUp(anon, 'bob');
  const c = await signUp(anon, 'carol');
  // A is an agent, so its keys may hold every scope; B stays a plain user; C is an admin.
  await server.db.query(`UPDATE users SET role = 'agent' WHERE id = $1`, [a.user.id]);
  await server.db.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [c.user.id]);
  const httpA = httpClient(server.url, a.accessToken);
  const httpB = httpClient(server.url, b.accessToken);
  const keys = new Map<string, string>();
  let sharedWebhook: string | undefined;
  let sharedDelivery: string | undefined;
  const writerKey = await httpA.auth.apiKeys.create.mutate({
    name: 'writer',
    scopes: ['listings:write'],
  });
  fx = {
    a,
    b,
    c,
    httpA,
    conversation: async () => (await httpA.conversations.create.mutate({ title: 'fixture' })).id,
    session: async () => {
      const created = await httpA.sessions.create.mutate({});
      return { id: created.session.id, secret: created.clientSecret };
    },
    listing: async () =>
      (await httpClient(server.url, writerKey.key).listings.create.mutate(listingFields)).id,
    savedSearch: async () =>
      (await httpA.searches.create.mutate({ query: { location: 'Girne', maxPrice: 900 } })).id,
    apiKeyOfA: async () =>
      (await httpA.auth.apiKeys.create.mutate({ name: 'victim', scopes: ['listings:read'] })).id,
    refreshTokenOfA: async () =>
      (await anon.auth.login.mutate({ email: a.email, password: a.password })).refreshToken,
    waiting: async () => {
      const { session } = await httpB.sessions.create.mutate({});
      return (await httpB.sessions.requestAgent.mutate({ sessionId: session.id })).id;
    },
    claimed: async () => {
      const id = await fx.waiting();
      await httpA.inbox.claim.mutate({ conversationId: id });
      return id;
    },
    turn: (target) =>
      httpA.sessions.send.mutate({
        sessionId: target.sessionId!,
        content: 'flat in Girne',
        clientMessageId: randomUUID(),
      }),
    webhook: async (fresh) => {
      if (!fresh && sharedWebhook) return sharedWebhook;
      const { webhook } = await httpA.webhooks.create.mutate({
        url: WEBHOOK_URL,
        events: ['ping'],
      });
      if (!fresh) sharedWebhook = webhook.id;
      return webhook.id;
    },
    delivery: async () => {
      sharedDelivery ??= (await httpA.webhooks.test.mutate({ id: await fx.webhook() })).id;
      return sharedDelivery;
    },
    key: async (scopes) => {
      const name = [...scopes].sort().join(',');
      let key = keys.get(name);
      if (!key) {
        key = (await httpA.auth.apiKeys.create.mutate({ name: 'matrix', scopes })).key;
        keys.set(name, key);
      }
      return key;
    },
  };
  const claims = JSON.parse(Buffer.from(a.accessToken.split('.')[1]!, 'base64url').toString());
  expiredToken = await new SignJWT({ ...claims, exp: Math.floor(Date.now() / 1000) - 5 })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(server.env.JWT_SECRET));
  const [h, , s] = a.accessToken.split('.');
  tamperedToken = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: b.user.id })).toString('base64url')}.${s}`;
});
afterAll(() => server?.close());

async function credentialFor(
  caller: Caller,
  rule: Rule,
  target: Target & { secret?: string; otherSecret?: string },
) {
  switch (caller) {
    case 'anonymous':
      return undefined;
    case 'userA':
      if (rule.freshCredential)
        return (
          await httpClient(server.url).auth.login.mutate({
            email: fx.a.email,
            password: fx.a.password,
          })
        ).accessToken;
      return fx.a.accessToken;
    case 'userB':
      if (rule.freshCredential)
        return (
          await httpClient(server.url).auth.login.mutate({
            email: fx.b.email,
            password: fx.b.password,
          })
        ).accessToken;
      return fx.b.accessToken;
    case 'admin':
      if (rule.freshCredential)
        return (
          await httpClient(server.url).auth.login.mutate({
            email: fx.c.email,
            password: fx.c.password,
          })
        ).accessToken;
      return fx.c.accessToken;
    case 'keyWithScope':
      return fx.key(rule.scope ? [rule.scope] : [...SCOPES]);
    case 'keyWithoutScope':
      return fx.key(rule.scope ? SCOPES.filter((s) => s !== rule.scope) : [...SCOPES]);
    case 'ownSecret':
      return target.secret ?? (await fx.session()).secret;
    case 'otherSecret':
      return target.otherSecret ?? (await fx.session()).secret;
    case 'expired':
      return expiredToken;
    case 'tampered':
      return tamperedToken;
  }
}

type Transport = 'http' | 'ws';

async function call(
  transport: Transport,
  path: string,
  token: string | undefined,
  input: unknown,
): Promise<Outcome> {
  const handle = transport === 'ws' ? wsClient(server.url, token) : undefined;
  const client = handle?.client ?? httpClient(server.url, token);
  try {
    if (path.endsWith('.events')) {
      // Subscriptions are tested over the WebSocket (and SSE through httpClient).
      const events =
        path === 'sessions.events'
          ? recordEvents(client, (input as { sessionId: string }).sessionId)
          : path === 'alerts.events'
            ? recordAlertEvents(client)
            : path === 'inbox.events'
              ? recordInboxEvents(client)
              : recordConversationEvents(
                  client,
                  (input as { conversationId: string }).conversationId,
                );
      // A transport may report "started" before the server's generator refuses the
      // subscription (SSE does), so a refusal is awaited for a moment after the start.
      await events.until(() => events.errors.length > 0, 1_000).catch(() => {});
      events.stop();
      const error = events.errors[0] as { data?: { code: Outcome } } | undefined;
      return error ? (error.data?.code ?? ('error' as Outcome)) : 'ok';
    }
    const procedure = path.split('.').reduce<any>((node, key) => node[key], client);
    const kind = (
      appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>
    )[path]!._def.type;
    await (kind === 'query' ? procedure.query(input) : procedure.mutate(input));
    return 'ok';
  } catch (error) {
    return ((error as { data?: { code?: Outcome } }).data?.code ?? String(error)) as Outcome;
  } finally {
    await handle?.close();
  }
}

describe('authorization matrix', () => {
  it('has a rule for every procedure the router has, and no rule for one it lacks', () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(Object.keys(RULES).sort()).toEqual(procedures);
  });

  for (const transport of ['http', 'ws'] as const) {
    it(`answers each caller as its rule says, over ${transport}`, async () => {
      const mismatches: string[] = [];
      for (const [path, rule] of Object.entries(RULES)) {
        for (const caller of CALLERS) {
          const target: Target & { secret?: string; otherSecret?: string } = {};
          if (rule.session) {
            const own = await fx.session();
            target.sessionId = own.id;
            target.secret = own.secret;
            target.otherSecret = (await fx.session()).secret;
          }
          const input = await rule.input(fx, target);
          const token = await credentialFor(caller, rule, target);
          const got = await call(transport, path, token, input);
          const want = expected(rule.access, caller);
          if (got !== want) mismatches.push(`${path} as ${caller}: expected ${want}, got ${got}`);
        }
      }
      expect(mismatches).toEqual([]);
    }, 180_000); // every rule times every caller, each with its own client
  }
});
