import { MAX_WEBHOOKS } from '@parley/validators';
import type { AnyProcedure } from '@trpc/server';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { z } from 'zod';
import { MAX_ACTIVE_API_KEYS } from '../auth/api-keys';
import { appRouter } from '../router';
import { createCallerFactory, publicProcedure, router } from '../trpc';
import { detach, nestedFields, regroup } from './detach';
import {
  alertPageOutput,
  apiKeyOutput,
  claimedOutput,
  clientSecretOutput,
  conversationOutput,
  createdApiKeyOutput,
  createdWebhookOutput,
  deliveryOutput,
  inboxItemOutput,
  listingOutput,
  listingPageOutput,
  markReadBody,
  memoryOutput,
  meOutput,
  messageOutput,
  okOutput,
  pageOf,
  runOutput,
  savedSearchOutput,
  sendResultOutput,
  sessionCreatedOutput,
  sessionOutput,
  userOutput,
  webhookOutput,
} from './schemas';

/**
 * The error statuses an operation answers besides those of its kind (`errorsOf`), each
 * with the reason a client reads in the document; `null` where one of its kind never does.
 */
type Errors = Partial<Record<400 | 401 | 403 | 404 | 409 | 412 | 429, string | null>>;

// Sends and retries by visitors without an account are limited (`enforceVisitorSends`).
const VISITOR_SENDS =
  'Too many sends by this guest or client secret (`RATE_LIMIT_VISITOR_SENDS_PER_MINUTE` a minute): `data.retryAfter` and the `Retry-After` header say when to try again (people with accounts and API keys are not limited)';
// An agent's session is their seat on a conversation they claimed: it reaches nothing
// once they handed the conversation back or it was taken over (`loadSessionReaching`).
const AGENT_SESSION_ENDED =
  "An agent's session that has ended (the conversation was handed back or taken over): claim it again";
// A public read: no credential is needed, but one that is sent must be valid.
const OPTIONAL_CREDENTIAL = {
  401: 'The credential sent is invalid, expired or revoked (send none to read anonymously)',
  403: 'The credential sent may not be used from this page',
} as const;

type Route = Omit<NonNullable<OpenApiMeta['openapi']>, 'path' | 'errorResponses'> & {
  path: `/${string}`;
  errors?: Errors;
};

/** A REST operation and the tRPC procedure it calls. */
export interface RestRoute {
  procedure: string;
  method: Route['method'];
  /** Under `REST_PREFIX`, with `{name}` for each path parameter. */
  path: `/${string}`;
  /** Matches the paths (under `REST_PREFIX`) of this operation: `{name}` is one segment. */
  pattern: RegExp;
}

const routes: RestRoute[] = [];

const createCaller = createCallerFactory(appRouter);
const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;

/**
 * What an operation can answer besides 200, so a client can rely on the document:
 * trpc-to-openapi's own guess (by method) has no 404 on a POST that names an id, and
 * nothing for 409, 412, 413, 415, 429 or 503.
 */
function errorsOf(route: Route, hasInput: boolean): Record<number, string> {
  // apps/server reads these bodies itself: not a JSON object is 400, over 1 MB is 413.
  const body = route.method !== 'GET' && route.method !== 'DELETE';
  const all: Record<number, string | null | undefined> = {
    ...(hasInput || body ? { 400: 'Invalid input: `data.fieldErrors` names each field' } : {}),
    ...(route.protect === false
      ? {}
      : {
          401: 'No credential, or one that is invalid, expired or revoked',
          403: 'This credential may not make this call (its kind, role or API key scopes)',
        }),
    // Another person's is not found either: existence is never revealed.
    ...(/\{\w+\}/.test(route.path) ? { 404: 'Not found, or not yours' } : {}),
    ...(body
      ? {
          413: 'The body is over 1 MB',
          415: 'The body is not `application/json` (send that `Content-Type`, or no body)',
        }
      : {}),
    ...route.errors,
    500: 'Internal server error: quote `data.requestId` when you report it',
    503: 'The database is unavailable: try again shortly',
  };
  return Object.fromEntries(
    Object.entries(all).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/**
 * The procedure at `path` of the tRPC router, also as `route` under `/api/v1`. The input
 * schema is the router's own (copied, see `detach`), or `documented` where the router's
 * is not one object (a union); the call goes through the router, so credentials, scopes,
 * validation and errors are exactly those of tRPC.
 */
function rest(path: string, route: Route, output: z.ZodType, documented?: z.ZodType) {
  const source = procedures[path];
  if (!source) throw new Error(`REST route ${route.path} names no procedure ${path}`);
  const input = documented ?? (source._def.inputs[0] as z.ZodType | undefined);
  const query = route.method === 'GET' || route.method === 'DELETE';
  const tag = path.split('.')[0];
  const { errors: _, ...openapi } = route;
  const pattern = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+');
  routes.push({
    procedure: path,
    method: route.method,
    path: route.path,
    pattern: new RegExp(`^${pattern}$`),
  });
  const described = publicProcedure.meta({
    openapi: { tags: tag ? [tag] : [], ...openapi, errorResponses: errorsOf(route, !!input) },
    restOf: path,
  });
  // auth.me takes no input: the adapter then reads none.
  const base = (input ? described.input(detach(input, { query })) : described).output(output);
  const nested = query ? nestedFields(input) : {};
  const call = ({ ctx, input }: { ctx: Parameters<typeof createCaller>[0]; input: unknown }) => {
    const fn = path
      .split('.')
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], createCaller(ctx));
    return (fn as (input: unknown) => Promise<unknown>)(regroup(input, nested));
  };
  return source._def.type === 'query' ? base.query(call) : base.mutation(call);
}

/** Everything that makes sense without a live socket, as plain HTTP. */
export const restRouter = router({
  auth: router({
    me: rest('auth.me', { method: 'GET', path: '/auth/me', summary: 'The caller' }, meOutput),
    // A person's own keys: their access token, never an API key or a session secret.
    apiKeys: router({
      list: rest(
        'auth.apiKeys.list',
        { method: 'GET', path: '/auth/api-keys', summary: 'Your active API keys' },
        z.object({ items: z.array(apiKeyOutput) }),
      ),
      create: rest(
        'auth.apiKeys.create',
        {
          method: 'POST',
          path: '/auth/api-keys',
          summary: 'Make an API key (the key is shown once)',
          errors: {
            403: 'A guest, not an access token, or scopes your role does not allow',
            409: `At most ${MAX_ACTIVE_API_KEYS} active API keys per person: revoke one first`,
          },
        },
        createdApiKeyOutput,
      ),
      revoke: rest(
        'auth.apiKeys.revoke',
        { method: 'DELETE', path: '/auth/api-keys/{id}', summary: 'Revoke an API key' },
        okOutput,
      ),
    }),
  }),
  conversations: router({
    list: rest(
      'conversations.list',
      { method: 'GET', path: '/conversations', summary: 'Your conversations, newest first' },
      pageOf(conversationOutput),
    ),
    create: rest(
      'conversations.create',
      { method: 'POST', path: '/conversations', summary: 'Start a conversation' },
      conversationOutput,
    ),
    get: rest(
      'conversations.get',
      { method: 'GET', path: '/conversations/{id}', summary: 'One conversation' },
      conversationOutput,
    ),
    update: rest(
      'conversations.update',
      { method: 'PATCH', path: '/conversations/{id}', summary: 'Rename, archive, metadata' },
      conversationOutput,
    ),
    delete: rest(
      'conversations.delete',
      { method: 'DELETE', path: '/conversations/{id}', summary: 'Delete with its messages' },
      okOutput,
    ),
    messages: rest(
      'conversations.messages',
      {
        method: 'GET',
        path: '/conversations/{conversationId}/messages',
        summary: 'Messages, newest first',
      },
      pageOf(messageOutput),
    ),
    memory: rest(
      'conversations.memory',
      {
        method: 'GET',
        path: '/conversations/{conversationId}/memory',
        summary: 'What the assistant understood',
      },
      memoryOutput,
    ),
    updateMemory: rest(
      'conversations.updateMemory',
      {
        method: 'PATCH',
        path: '/conversations/{conversationId}/memory',
        summary: 'Correct what the assistant understood: `facts` replace its own',
      },
      memoryOutput,
    ),
  }),
  sessions: router({
    create: rest(
      'sessions.create',
      {
        method: 'POST',
        path: '/sessions',
        summary: 'A session with a client secret',
        errors: { 404: 'No such conversation (`conversationId`)' },
      },
      sessionCreatedOutput,
    ),
    list: rest(
      'sessions.list',
      { method: 'GET', path: '/sessions', summary: 'Your sessions' },
      pageOf(sessionOutput),
    ),
    get: rest(
      'sessions.get',
      { method: 'GET', path: '/sessions/{id}', summary: 'One session' },
      sessionOutput,
    ),
    refreshSecret: rest(
      'sessions.refreshSecret',
      {
        method: 'POST',
        path: '/sessions/{id}/secret',
        summary: 'A new client secret',
        errors: { 412: 'The session has ended or expired' },
      },
      clientSecretOutput,
    ),
    end: rest(
      'sessions.end',
      { method: 'POST', path: '/sessions/{id}/end', summary: 'End the session' },
      sessionOutput,
    ),
    send: rest(
      'sessions.send',
      {
        method: 'POST',
        path: '/sessions/{sessionId}/messages',
        summary: "Send a message; answers with the assistant's reply",
        errors: {
          412: 'The session has ended or expired, or (an agent) you no longer hold the conversation',
          429: VISITOR_SENDS,
        },
      },
      sendResultOutput,
    ),
    retry: rest(
      'sessions.retry',
      {
        method: 'POST',
        path: '/sessions/{sessionId}/messages/{messageId}/retry',
        summary: 'Answer a user message again (a new run; idempotent on `clientMessageId`)',
        errors: {
          404: 'No such session, or no such user message in its conversation',
          412: 'The session has ended or expired, or an agent is answering the conversation',
          429: VISITOR_SENDS,
        },
      },
      sendResultOutput,
    ),
    runs: rest(
      'sessions.runs',
      {
        method: 'GET',
        path: '/sessions/{sessionId}/runs',
        summary: "The conversation's runs, newest first",
        errors: { 412: AGENT_SESSION_ENDED },
      },
      pageOf(runOutput),
    ),
    cancelRun: rest(
      'sessions.cancelRun',
      {
        method: 'POST',
        path: '/sessions/{sessionId}/runs/{runId}/cancel',
        summary: 'Stop a run (a finished one is answered as it is)',
        errors: {
          404: 'No such session, or no such run in its conversation',
          412: 'The session has ended or expired: an ended session stops no runs',
        },
      },
      runOutput,
    ),
    requestAgent: rest(
      'sessions.requestAgent',
      {
        method: 'POST',
        path: '/sessions/{sessionId}/agent',
        summary: "Ask for a person: the conversation waits in the agents' inbox",
        errors: {
          404: 'No such session, or no such listing (`listingId`)',
          412: 'The session has ended or expired',
        },
      },
      conversationOutput,
    ),
    memory: rest(
      'sessions.memory',
      {
        method: 'GET',
        path: '/sessions/{sessionId}/memory',
        summary: 'What the assistant understood',
        errors: { 412: AGENT_SESSION_ENDED },
      },
      memoryOutput,
    ),
  }),
  listings: router({
    search: rest(
      'listings.search',
      {
        method: 'GET',
        path: '/listings',
        summary: 'Search listings',
        protect: false,
        errors: {
          ...OPTIONAL_CREDENTIAL,
          429: 'Too many searches from your address: `data.retryAfter` and the `Retry-After` header say when to try again (signed-in people and `listings:read` keys are not limited)',
        },
      },
      listingPageOutput,
    ),
    get: rest(
      'listings.get',
      {
        method: 'GET',
        path: '/listings/{id}',
        summary: 'One listing',
        protect: false,
        errors: { ...OPTIONAL_CREDENTIAL, 404: 'No such listing' },
      },
      listingOutput,
    ),
    similar: rest(
      'listings.similar',
      {
        method: 'GET',
        path: '/listings/{id}/similar',
        summary: 'Listings like this one: same town, rent and property type, nearest price',
        protect: false,
        errors: { ...OPTIONAL_CREDENTIAL, 404: 'No such listing' },
      },
      z.object({ items: z.array(listingOutput) }),
    ),
    create: rest(
      'listings.create',
      {
        method: 'POST',
        path: '/listings',
        summary: 'Add a listing',
        errors: {
          403: "Not staff (agent or admin), nor a `listings:write` key of staff (a key acts with its owner's current role)",
        },
      },
      listingOutput,
    ),
    update: rest(
      'listings.update',
      {
        method: 'PATCH',
        path: '/listings/{id}',
        summary: 'Change a listing',
        errors: {
          403: 'Not staff, or (not an admin) not a listing you created',
          404: 'No such listing',
        },
      },
      listingOutput,
    ),
    delete: rest(
      'listings.delete',
      {
        method: 'DELETE',
        path: '/listings/{id}',
        summary: 'Remove a listing',
        errors: {
          403: 'Not staff, or (not an admin) not a listing you created',
          404: 'No such listing',
        },
      },
      okOutput,
    ),
  }),
  // A person's (or a guest's) own: their access token, never an API key.
  favorites: router({
    list: rest(
      'favorites.list',
      { method: 'GET', path: '/favorites', summary: 'Your saved listings, newest saved first' },
      pageOf(listingOutput),
    ),
    add: rest(
      'favorites.add',
      {
        method: 'PUT',
        path: '/favorites/{listingId}',
        summary: 'Save a listing (saving it again changes nothing)',
        errors: { 404: 'No such listing' },
      },
      okOutput,
    ),
    remove: rest(
      'favorites.remove',
      {
        method: 'DELETE',
        path: '/favorites/{listingId}',
        summary: 'Unsave a listing (one not saved is fine too)',
        // Idempotent: unsaving what is not saved, or does not exist, is the same outcome.
        errors: { 404: null },
      },
      okOutput,
    ),
  }),
  searches: router({
    list: rest(
      'searches.list',
      { method: 'GET', path: '/searches', summary: 'Your saved searches, newest first' },
      pageOf(savedSearchOutput),
    ),
    create: rest(
      'searches.create',
      {
        method: 'POST',
        path: '/searches',
        summary: 'Save a search: its matches become alerts',
        errors: {
          404: 'No such conversation (`conversationId`)',
          409: 'At most `SAVED_SEARCHES_PER_USER` (100 by default) saved searches per person: delete one first',
        },
      },
      savedSearchOutput,
    ),
    update: rest(
      'searches.update',
      { method: 'PATCH', path: '/searches/{id}', summary: 'Rename, pause or resume' },
      savedSearchOutput,
    ),
    delete: rest(
      'searches.delete',
      { method: 'DELETE', path: '/searches/{id}', summary: 'Delete with its alerts' },
      okOutput,
    ),
  }),
  alerts: router({
    list: rest(
      'alerts.list',
      {
        method: 'GET',
        path: '/alerts',
        summary: 'Your alerts, newest first, and how many are unread',
      },
      alertPageOutput,
    ),
    markRead: rest(
      'alerts.markRead',
      {
        method: 'POST',
        path: '/alerts/read',
        summary: 'Mark some ({ ids }) or all ({ all: true }) read',
      },
      z.object({ unread: z.number().int() }),
      markReadBody,
    ),
  }),
  webhooks: router({
    create: rest(
      'webhooks.create',
      {
        method: 'POST',
        path: '/webhooks',
        summary: 'Add a webhook (its secret is shown once)',
        errors: { 409: `At most ${MAX_WEBHOOKS} webhooks per person: delete one first` },
      },
      createdWebhookOutput,
    ),
    list: rest(
      'webhooks.list',
      { method: 'GET', path: '/webhooks', summary: 'Your webhooks' },
      z.object({ items: z.array(webhookOutput) }),
    ),
    update: rest(
      'webhooks.update',
      { method: 'PATCH', path: '/webhooks/{id}', summary: 'Change URL, events, enabled' },
      webhookOutput,
    ),
    delete: rest(
      'webhooks.delete',
      { method: 'DELETE', path: '/webhooks/{id}', summary: 'Remove a webhook' },
      okOutput,
    ),
    deliveries: rest(
      'webhooks.deliveries',
      {
        method: 'GET',
        path: '/webhooks/{webhookId}/deliveries',
        summary: "A webhook's deliveries, newest first",
      },
      pageOf(deliveryOutput),
    ),
    redeliver: rest(
      'webhooks.redeliver',
      {
        method: 'POST',
        path: '/webhooks/deliveries/{deliveryId}/redeliver',
        summary: 'Send a delivery again (same id)',
      },
      deliveryOutput,
    ),
    test: rest(
      'webhooks.test',
      { method: 'POST', path: '/webhooks/{id}/test', summary: 'Send a ping' },
      deliveryOutput,
    ),
  }),
  // Staff only, signed in with their own account: the inbox shows other people's
  // conversations, so no API key opens it.
  inbox: router({
    list: rest(
      'inbox.list',
      {
        method: 'GET',
        path: '/inbox',
        summary: 'Conversations that asked for a person (`filter`: waiting, mine, all)',
      },
      pageOf(inboxItemOutput),
    ),
    get: rest(
      'inbox.get',
      {
        method: 'GET',
        path: '/inbox/{conversationId}',
        summary: 'One conversation that asked for a person',
        errors: { 404: 'No conversation that asked for a person has this id' },
      },
      inboxItemOutput,
    ),
    claim: rest(
      'inbox.claim',
      {
        method: 'POST',
        path: '/inbox/{conversationId}/claim',
        summary: 'Take a waiting conversation, with a session of your own on it',
        errors: {
          404: 'No conversation that asked for a person has this id',
          409: 'Another agent is answering this conversation',
          412: 'The conversation is not waiting for a person any more',
        },
      },
      claimedOutput,
    ),
    release: rest(
      'inbox.release',
      {
        method: 'POST',
        path: '/inbox/{conversationId}/release',
        summary: 'Hand a conversation back to the assistant, or to the waiting list (`to`)',
        errors: {
          403: 'Only the agent answering the conversation, or an admin, hands it back',
          404: 'No conversation that asked for a person has this id',
          412: 'No agent holds this conversation',
        },
      },
      conversationOutput,
    ),
  }),
  admin: router({
    users: router({
      list: rest(
        'admin.users.list',
        { method: 'GET', path: '/admin/users', summary: 'Accounts, newest first' },
        pageOf(userOutput),
      ),
      setRole: rest(
        'admin.users.setRole',
        {
          method: 'PUT',
          path: '/admin/users/{userId}/role',
          summary: "Set a person's role (it counts at their next call)",
          errors: {
            404: 'No such user',
            412: 'A guest has no account to give a role to, or this would demote the last admin',
          },
        },
        userOutput,
      ),
    }),
  }),
});

export type RestRouter = typeof restRouter;

/** Every REST operation of `restRouter`, with the procedure it calls. */
export const restRoutes: readonly RestRoute[] = routes;
