import type { AnyProcedure } from '@trpc/server';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { z } from 'zod';
import { appRouter } from '../router';
import { createCallerFactory, publicProcedure, router } from '../trpc';
import { detach } from './detach';
import {
  alertPageOutput,
  clientSecretOutput,
  conversationOutput,
  createdWebhookOutput,
  deliveryOutput,
  listingOutput,
  listingPageOutput,
  markReadBody,
  memoryOutput,
  meOutput,
  messageOutput,
  okOutput,
  pageOf,
  savedSearchOutput,
  sendResultOutput,
  sessionCreatedOutput,
  sessionOutput,
  webhookOutput,
} from './schemas';

type Route = Omit<NonNullable<OpenApiMeta['openapi']>, 'path'> & { path: `/${string}` };

const createCaller = createCallerFactory(appRouter);
const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;

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
  const described = publicProcedure.meta({
    openapi: { tags: tag ? [tag] : [], ...route },
    restOf: path,
  });
  // auth.me takes no input: the adapter then reads none.
  const base = (input ? described.input(detach(input, { query })) : described).output(output);
  const call = ({ ctx, input }: { ctx: Parameters<typeof createCaller>[0]; input: unknown }) => {
    const fn = path
      .split('.')
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], createCaller(ctx));
    return (fn as (input: unknown) => Promise<unknown>)(input);
  };
  return source._def.type === 'query' ? base.query(call) : base.mutation(call);
}

/** Everything that makes sense without a live socket, as plain HTTP. */
export const restRouter = router({
  auth: router({
    me: rest('auth.me', { method: 'GET', path: '/auth/me', summary: 'The caller' }, meOutput),
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
  }),
  sessions: router({
    create: rest(
      'sessions.create',
      { method: 'POST', path: '/sessions', summary: 'A session with a client secret' },
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
      { method: 'POST', path: '/sessions/{id}/secret', summary: 'A new client secret' },
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
      },
      sendResultOutput,
    ),
    memory: rest(
      'sessions.memory',
      {
        method: 'GET',
        path: '/sessions/{sessionId}/memory',
        summary: 'What the assistant understood',
      },
      memoryOutput,
    ),
  }),
  listings: router({
    search: rest(
      'listings.search',
      { method: 'GET', path: '/listings', summary: 'Search listings', protect: false },
      listingPageOutput,
    ),
    get: rest(
      'listings.get',
      { method: 'GET', path: '/listings/{id}', summary: 'One listing', protect: false },
      listingOutput,
    ),
    create: rest(
      'listings.create',
      { method: 'POST', path: '/listings', summary: 'Add a listing' },
      listingOutput,
    ),
    update: rest(
      'listings.update',
      { method: 'PATCH', path: '/listings/{id}', summary: 'Change a listing' },
      listingOutput,
    ),
    delete: rest(
      'listings.delete',
      { method: 'DELETE', path: '/listings/{id}', summary: 'Remove a listing' },
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
      { method: 'POST', path: '/searches', summary: 'Save a search: its matches become alerts' },
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
      { method: 'POST', path: '/webhooks', summary: 'Add a webhook (its secret is shown once)' },
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
});

export type RestRouter = typeof restRouter;
