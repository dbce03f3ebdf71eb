import { randomUUID } from 'node:crypto';
import { isDatabaseUnavailable } from '@parley/db';
import { type Role, type Scope, STAFF_ROLES, scopesAllowedFor } from '@parley/validators';
import { initTRPC, TRPCError } from '@trpc/server';
import type { OpenApiMeta } from 'trpc-to-openapi';
import type { Identity } from './auth/credentials';
import { resolveIdentity } from './auth/identity';
import { roleReadNow } from './auth/roles';
import type { Context } from './context';
import {
  describeFieldErrors,
  fieldErrorsOf,
  findZodError,
  RateLimitedError,
  requestIdOf,
  tagRequestId,
} from './errors';
import { lazyChildLog } from './request-log';
import { transformer } from './wire';

export interface ErrorData {
  code: TRPCError['code'];
  httpStatus: number;
  requestId: string;
  path?: string;
  fieldErrors?: Record<string, string[]>;
  retryAfter?: number;
}

/** Procedure metadata: how a procedure is also served as REST (`rest/router.ts`). */
export interface ApiMeta extends OpenApiMeta {
  /** On a REST procedure: the path of the tRPC procedure it serves. */
  restOf?: string;
}

const t = initTRPC
  .context<Context>()
  .meta<ApiMeta>()
  .create({
    // superjson, letting values that already carry their wire form (cached pages) through.
    transformer,
    sse: {
      // Proxies drop quiet connections; a ping keeps SSE subscriptions alive.
      ping: { enabled: true, intervalMs: 15_000 },
      client: { reconnectAfterInactivityMs: 30_000 },
    },
    errorFormatter({ shape, error, ctx, path }) {
      const zod = findZodError(error);
      const fieldErrors = error.code === 'BAD_REQUEST' && zod ? fieldErrorsOf(zod) : undefined;
      const requestId = requestIdOf(error) ?? ctx?.requestId ?? randomUUID();
      // Whatever the mode, a client never sees a stack, SQL or a driver message; nor the
      // JavaScript error a malformed frame can raise inside tRPC's own parsing.
      const message =
        error.code === 'INTERNAL_SERVER_ERROR'
          ? 'Internal server error'
          : (malformedRequest(error) ?? shape.message);
      const data: ErrorData = {
        code: error.code,
        httpStatus: shape.data.httpStatus,
        requestId,
        ...(path ? { path } : {}),
        ...(fieldErrors ? { fieldErrors } : {}),
        ...retryAfterOf(error),
      };
      return { code: shape.code, message, data };
    },
  });

/**
 * Seconds before trying again, on any limit's TOO_MANY_REQUESTS: a rate limiter's
 * (`RateLimitedError`) and a stream cap's, which carries a `retryAfter` of its own.
 */
function retryAfterOf(error: unknown): { retryAfter?: number } {
  if (error instanceof RateLimitedError) return { retryAfter: error.retryAfter };
  const seconds = (error as { retryAfter?: unknown } | null)?.retryAfter;
  return typeof seconds === 'number' && seconds > 0 ? { retryAfter: seconds } : {};
}

/**
 * What to say instead of the JavaScript error that tRPC's own reading of a malformed
 * request raised (V8's JSON parser text, "Cannot destructure property 'json'..."): the
 * client learns what was wrong, not how the server is built.
 */
function malformedRequest(error: TRPCError): string | undefined {
  if (error.code !== 'PARSE_ERROR' && error.code !== 'BAD_REQUEST') return undefined;
  if (error.cause instanceof SyntaxError) return 'Malformed request: the input is not valid JSON';
  if (error.cause instanceof TypeError) return 'Malformed request: not a tRPC message';
  return undefined;
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;

/**
 * Every call passes here: a request id per call (a WebSocket shares one context), a log
 * line with its outcome, and errors turned into what a client may see: invalid input
 * names its fields, a PostgreSQL outage is SERVICE_UNAVAILABLE, anything unexpected is
 * logged with its stack and answered INTERNAL_SERVER_ERROR.
 */
const observed = t.middleware(async ({ ctx, next, path, type }) => {
  const requestId = ctx.transport === 'ws' ? randomUUID() : ctx.requestId;
  const log =
    requestId === ctx.requestId ? ctx.log : lazyChildLog(ctx.services.logger, { requestId });
  const started = performance.now();
  const result = await next({ ctx: { requestId, log } });
  const ms = Math.round((performance.now() - started) * 10) / 10;
  if (result.ok) {
    if (type !== 'subscription') log.debug({ path, type, ms }, 'call ok');
    return result;
  }
  const error = toClientError(result.error, log, path);
  tagRequestId(error, requestId);
  log.info({ path, type, ms, code: error.code }, 'call failed');
  throw error;
});

export function toClientError(error: TRPCError, log: Context['log'], path: string): TRPCError {
  const zod = findZodError(error);
  if (error.code === 'BAD_REQUEST' && zod) {
    return new TRPCError({
      code: 'BAD_REQUEST',
      message: describeFieldErrors(fieldErrorsOf(zod)),
      cause: zod,
    });
  }
  if (error.code !== 'INTERNAL_SERVER_ERROR') return error;
  const cause = error.cause ?? error;
  if (isDatabaseUnavailable(cause)) {
    // One short line per refused call (its request id ties it to the client's error): the
    // driver's error object holds its whole connection, kilobytes a line in an outage.
    const { message, code } = cause as { message?: string; code?: string };
    log.warn({ path, err: { message, code } }, 'database unavailable');
    return new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: 'The database is unavailable, try again shortly',
    });
  }
  log.error({ path, err: cause }, 'unexpected error');
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error', cause });
}

const base = t.procedure.use(observed);

/**
 * A widget session's client secret works only from the origins its integrator allowed;
 * from any other site's page, no credential works at all (public calls need none).
 */
function checkOrigin(identity: Identity, ctx: Pick<Context, 'origin' | 'ownOrigin'>): void {
  if (identity.kind === 'session' && identity.allowedOrigins) {
    if (ctx.origin && identity.allowedOrigins.includes(ctx.origin)) return;
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: "This session's client secret is not allowed from this page's origin",
    });
  }
  if (!ctx.ownOrigin) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `Pages on ${ctx.origin} may only use a widget session's client secret`,
    });
  }
}

/** Resolves the caller for this call: expiry and revocation are checked every time. */
const identified = base.use(async ({ ctx, next }) => {
  const identity = ctx.credential ? await resolveIdentity(ctx.services, ctx.credential) : null;
  if (identity) checkOrigin(identity, ctx);
  return next({ ctx: { identity } });
});

function unauthorized(): TRPCError {
  return new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in or send a valid credential' });
}

/** Anyone; credentials are not looked at (login, register, public reads). */
export const publicProcedure = base;

/** Anyone, but a credential, when sent, must be valid: `identity` is then set. */
export const optionalIdentityProcedure = identified;

/** A signed-in person or a guest (access token), not an API key or a session secret. */
export const userOrGuestProcedure = identified.use(({ ctx, next }) => {
  const identity = ctx.identity;
  if (!identity) throw unauthorized();
  if (identity.kind !== 'user') {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'This call needs a signed-in user' });
  }
  return next({ ctx: { identity } });
});

const guestRefused = () =>
  new TRPCError({ code: 'FORBIDDEN', message: 'Guests cannot do this: sign up or sign in first' });

/** A signed-in person with an account (access token): not a guest, an API key or a session secret. */
export const userProcedure = userOrGuestProcedure.use(({ ctx, next }) => {
  if (ctx.identity.role === 'guest') throw guestRefused();
  return next();
});

/** What a guest may do besides favourites and its own profile: chat. */
const GUEST_SCOPES: readonly Scope[] = [
  'conversations:read',
  'conversations:write',
  'sessions:write',
];

type UserOrKey = Extract<Identity, { kind: 'user' | 'apiKey' }>;

/** A signed-in user or an API key with any scope (acting as its owner); not a secret. */
export const userOrKeyProcedure = identified.use(({ ctx, next }) => {
  const identity = ctx.identity;
  if (!identity) throw unauthorized();
  if (identity.kind === 'session') {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'A session secret cannot make this call' });
  }
  return next({ ctx: { identity: identity as UserOrKey } });
});

/** A signed-in user, or an API key holding `scope` (acting as the user who made it). */
export function scopedProcedure(scope: Scope) {
  return identified.use(({ ctx, next }) => {
    const identity = ctx.identity;
    if (!identity) throw unauthorized();
    if (identity.kind === 'session') {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'A session secret cannot make this call' });
    }
    if (identity.kind === 'apiKey' && !identity.scopes.includes(scope)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `This API key lacks the ${scope} scope` });
    }
    if (identity.kind === 'user' && identity.role === 'guest' && !GUEST_SCOPES.includes(scope))
      throw guestRefused();
    return next({ ctx: { identity: identity as UserOrKey } });
  });
}

/**
 * The owner of a session (user, or API key with `sessions:write`) or that session's
 * own client secret. Which session is checked by the procedure: `sessionAccess` below.
 */
export const sessionProcedure = identified.use(({ ctx, next }) => {
  const identity = ctx.identity;
  if (!identity) throw unauthorized();
  if (identity.kind === 'apiKey' && !identity.scopes.includes('sessions:write')) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'This API key lacks the sessions:write scope',
    });
  }
  return next({ ctx: { identity } });
});

/** The owner only (user or API key with `sessions:write`), never a client secret. */
export const sessionOwnerProcedure = scopedProcedure('sessions:write');

/** A user whose role is one of `roles`, or an API key holding `scope`. */
export function roleOrScopeProcedure(roles: Role[], scope: Scope) {
  return identified.use(({ ctx, next }) => {
    const identity = ctx.identity;
    if (!identity) throw unauthorized();
    const refusal = roleOrScopeRefusal(identity, roles, scope);
    if (refusal) throw refusal;
    return next({ ctx: { identity: identity as UserOrKey } });
  });
}

/**
 * Why `identity` may not make a call open to `roles` or to API keys holding `scope`, or
 * undefined when it may. A key acts with its owner's current role, so a key made with the
 * scope by an agent since demoted no longer has it: the refusal says so, rather than
 * asking for a scope the key shows it was given.
 */
export function roleOrScopeRefusal(
  identity: Identity,
  roles: readonly Role[],
  scope: Scope,
): TRPCError | undefined {
  if (identity.kind === 'user' && roles.includes(identity.role)) return undefined;
  if (identity.kind === 'apiKey' && identity.scopes.includes(scope)) return undefined;
  const needs = roles.join(' or ');
  const message =
    identity.kind === 'session'
      ? 'A session secret cannot make this call'
      : identity.kind === 'user'
        ? `Needs role ${needs} (you are ${article(identity.role)}), or an API key with the ${scope} scope`
        : !scopesAllowedFor(identity.role).includes(scope)
          ? `This API key's owner is ${article(identity.role)}, not ${article(needs)}: a key acts with its owner's current role, so its ${scope} scope does not count`
          : `This API key lacks the ${scope} scope`;
  return new TRPCError({ code: 'FORBIDDEN', message });
}

// Roles are agent, admin, user and guest: only the first two take "an".
const article = (words: string) => (/^a/.test(words) ? `an ${words}` : `a ${words}`);

/**
 * Staff (a signed-in person whose role, read now, is one of `roles`). API keys and session
 * secrets never are: the inbox shows other people's conversations, so it takes a person.
 */
function staffOnly(roles: readonly Role[], what: string) {
  return identified.use(async ({ ctx, next }) => {
    const identity = ctx.identity;
    if (!identity) throw unauthorized();
    const refused = () =>
      new TRPCError({
        code: 'FORBIDDEN',
        message: `Only ${what} signed in with their own account can do this`,
      });
    if (identity.kind !== 'user') throw refused();
    if (roles.includes(identity.role)) return next({ ctx: { identity } });
    // The role came from this instance's memory (up to a second old): a refusal reads it anew.
    const role = await roleReadNow(ctx.services, identity.userId);
    if (!role || !roles.includes(role)) throw refused();
    return next({ ctx: { identity: { ...identity, role } } });
  });
}

/** An agent or an admin (the agents' inbox). */
export const staffProcedure = staffOnly(STAFF_ROLES, 'agents and admins');

/** An admin (granting roles). */
export const adminProcedure = staffOnly(['admin'], 'admins');

export { RateLimitedError };
