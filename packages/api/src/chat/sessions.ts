import { newId, withTransaction } from '@parley/db';
import type {
  Page,
  Session,
  SessionCreated,
  SessionMemory,
  SessionStatus,
} from '@parley/validators';
import { TRPCError } from '@trpc/server';
import { Op, QueryTypes, type Transaction, type WhereOptions } from 'sequelize';
import type { Identity } from '../auth/credentials';
import { CLIENT_SECRET_PREFIX } from '../auth/credentials';
import { digest, randomSecret } from '../auth/secrets';
import { announceRevocation } from '../auth/service';
import type { ApiServices } from '../context';
import { notFound } from '../errors';
import { appendEvents, publishEphemeral, publishNotice } from '../events/log';
import { CONVERSATION_DELETED } from '../events/protocol';
import { createConversation, loadConversation } from './conversations';
import { decodeCursor, toPage } from './cursor';
import { toConversation, toSession } from './serialize';

type Services = Pick<
  ApiServices,
  'db' | 'infra' | 'clock' | 'config' | 'logger' | 'instance' | 'jobs'
>;

/**
 * The session if `identity` may use it: its owner (user or API key), or its own client
 * secret. Anything else is NOT_FOUND, so existence never leaks.
 */
export async function loadSession(
  services: Services,
  identity: Identity,
  sessionId: string,
  transaction?: Transaction,
) {
  if (identity.kind === 'session' && identity.sessionId !== sessionId) throw notFound('Session');
  const madeBy = sessionKeyBound(identity);
  const row = await services.db.models.Session.findOne({
    where: { id: sessionId, userId: identity.userId, ...(madeBy ? { apiKeyId: madeBy } : {}) },
    transaction,
    ...(transaction ? { lock: transaction.LOCK.UPDATE } : {}),
  });
  if (!row) throw notFound('Session');
  return row;
}

/**
 * The key a session must have been made with for `identity` to reach it, or null. An API
 * key that may not read conversations reaches only the sessions it made itself: through
 * any other (one its owner opened in the web app, say) it would replay a conversation.
 */
export function sessionKeyBound(identity: Identity): string | null {
  return identity.kind === 'apiKey' && !identity.scopes.includes('conversations:read')
    ? identity.keyId
    : null;
}

/**
 * The session, for a call that reaches past it into its conversation: reading its memory,
 * runs or events, or (`acts`) stopping a run. An agent's session is their seat on a
 * conversation they claimed; once it has ended (they handed the conversation back, or it
 * was taken over) it reaches nothing more. Any ended session acts no more, as it sends no
 * more. A person's own ended session still reads their own conversation.
 */
export async function loadSessionReaching(
  services: Services,
  identity: Identity,
  sessionId: string,
  acts = false,
) {
  const row = await loadSession(services, identity, sessionId);
  if (row.status !== 'active' && (acts || row.kind === 'agent')) {
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message:
        row.kind === 'agent'
          ? `This agent session is ${row.status}: claim the conversation again to see it`
          : `Session is ${row.status}`,
    });
  }
  return row;
}

async function issueClientSecret(services: Services, sessionId: string, transaction?: Transaction) {
  const clientSecret = randomSecret(CLIENT_SECRET_PREFIX);
  const now = services.clock();
  const clientSecretExpiresAt = new Date(
    now.getTime() + services.config.clientSecretTtlSeconds * 1000,
  );
  await services.db.models.SessionSecret.create(
    {
      id: newId(),
      sessionId,
      secretHash: digest(clientSecret),
      expiresAt: clientSecretExpiresAt,
      createdAt: now,
    },
    { transaction },
  );
  return { clientSecret, clientSecretExpiresAt };
}

/**
 * Creates the session, and its conversation when none is given, in one transaction.
 * `apiKeyId`: the key it is made with, if any (`sessionKeyBound`).
 */
export async function createSession(
  services: Services,
  userId: string,
  input: {
    conversationId?: string | undefined;
    endUserId?: string | undefined;
    allowedOrigins?: string[] | undefined;
  },
  apiKeyId: string | null = null,
): Promise<SessionCreated> {
  const created = await withTransaction(services.db.sequelize, async (transaction) => {
    const conversation = input.conversationId
      ? toConversation(await loadConversation(services, userId, input.conversationId, transaction))
      : await createConversation(services, userId, {}, transaction);
    const now = services.clock();
    const row = await services.db.models.Session.create(
      {
        id: newId(),
        userId,
        conversationId: conversation.id,
        endUserId: input.endUserId ?? null,
        apiKeyId,
        allowedOrigins: input.allowedOrigins ? [...new Set(input.allowedOrigins)] : null,
        lastActivityAt: now,
        expiresAt: new Date(now.getTime() + services.config.sessionIdleSeconds * 1000),
        createdAt: now,
        updatedAt: now,
      },
      { transaction },
    );
    const secret = await issueClientSecret(services, row.id, transaction);
    return { session: toSession(row), conversation, ...secret };
  });
  // Committed: this instance lets its pages in at once (widget-origins.ts).
  if (input.allowedOrigins) services.instance.widgetOrigins.forget(input.allowedOrigins);
  return created;
}

export async function getSession(
  services: Services,
  identity: Identity,
  id: string,
): Promise<Session> {
  return toSession(await loadSession(services, identity, id));
}

export async function listSessions(
  services: Services,
  userId: string,
  input: { status?: SessionStatus | undefined; cursor?: string | null | undefined; limit: number },
): Promise<Page<Session>> {
  const where: WhereOptions[] = [{ userId }];
  if (input.status) where.push({ status: input.status });
  if (input.cursor) {
    const { at, id } = decodeCursor(input.cursor);
    where.push({
      [Op.or]: [{ createdAt: { [Op.lt]: at } }, { createdAt: at, id: { [Op.lt]: id } }],
    });
  }
  const rows = await services.db.models.Session.findAll({
    where: { [Op.and]: where },
    order: [
      ['createdAt', 'DESC'],
      ['id', 'DESC'],
    ],
    limit: input.limit + 1,
  });
  return toPage(rows, input.limit, toSession, (r) => [r.createdAt, r.id]);
}

/**
 * A new client secret for the session; the ones issued before stop working at once (a
 * refresh is how a leaked secret is replaced), and live streams opened with them end.
 */
export async function refreshClientSecret(services: Services, identity: Identity, id: string) {
  const { secret, userId } = await withTransaction(services.db.sequelize, async (transaction) => {
    const session = await loadSession(services, identity, id, transaction);
    if (session.status !== 'active') {
      throw new TRPCError({ code: 'PRECONDITION_FAILED', message: `Session is ${session.status}` });
    }
    const now = services.clock();
    await services.db.models.SessionSecret.update(
      { expiresAt: now },
      { where: { sessionId: session.id, expiresAt: { [Op.gt]: now } }, transaction },
    );
    const secret = await issueClientSecret(services, session.id, transaction);
    return { secret, userId: session.userId };
  });
  await announceRevocation(services, userId);
  return secret;
}

/** Ends a session: status `ended`, a durable `session.ended` event, subscribers told. */
export async function endSession(
  services: Services,
  identity: Identity,
  id: string,
): Promise<Session> {
  const { conversationId } = await loadSession(services, identity, id);
  const publish = await withTransaction(services.db.sequelize, async (transaction) => {
    await lockConversation(services, conversationId, transaction);
    return closeSession(services, { id, conversationId }, 'ended', transaction);
  });
  await publish?.();
  return toSession(await loadSession(services, identity, id));
}

/**
 * Closes one session inside `transaction`, whose caller holds its conversation's lock
 * (the order every event writer uses): `ended` by its owner, or `expired` when idle past
 * `idleBefore`. The update re-checks the session, so of two calls racing only one closes
 * it; that one gets the `publish` of its `session.ended` event, the other `undefined`.
 */
async function closeSession(
  services: Services,
  session: { id: string; conversationId: string },
  status: 'ended' | 'expired',
  transaction: Transaction,
  idleBefore?: Date,
): Promise<(() => Promise<void>) | undefined> {
  const reason = status === 'ended' ? 'ended by owner' : 'expired';
  const [rows] = await services.db.sequelize.query(
    `UPDATE sessions SET status = :status, ended_at = :now, end_reason = :reason, updated_at = :now
     WHERE id = :id AND status = 'active' ${idleBefore ? 'AND expires_at < :idleBefore' : ''}
     RETURNING id`,
    {
      replacements: { id: session.id, status, reason, now: services.clock(), idleBefore },
      transaction,
    },
  );
  if ((rows as unknown[]).length === 0) return undefined;
  const appended = await appendEvents(
    services,
    session.conversationId,
    [{ type: 'session.ended', sessionId: session.id, reason }],
    transaction,
    { sessionId: session.id },
  );
  return appended.publish;
}

/** Takes the conversation's row lock: the first lock of anything that writes its events. */
export async function lockConversation(
  services: Services,
  conversationId: string,
  transaction: Transaction,
): Promise<void> {
  await services.db.sequelize.query('SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE', {
    bind: [conversationId],
    transaction,
  });
}

/** Used when a conversation is deleted: every live session of it ends first. */
export async function endSessionsOf(
  services: Services,
  conversationId: string,
  transaction: Transaction,
) {
  const sessions = await services.db.models.Session.findAll({
    where: { conversationId, status: 'active' },
    attributes: ['id'],
    transaction,
  });
  const ids = sessions.map((s) => s.id);
  return {
    // The rows go with the conversation, so the notice is not stored.
    publish: async () => {
      for (const sessionId of ids) {
        await publishNotice(services, conversationId, {
          type: 'session.ended',
          sessionId,
          reason: CONVERSATION_DELETED,
        });
      }
      // Streams on the conversation itself end too, also when no session was active.
      if (ids.length === 0) {
        await publishNotice(services, conversationId, {
          type: 'session.ended',
          sessionId: '',
          reason: CONVERSATION_DELETED,
        });
      }
    },
  };
}

export async function setTyping(
  services: Services,
  identity: Identity,
  sessionId: string,
  typing: boolean,
) {
  const session = await loadSession(services, identity, sessionId);
  if (session.status !== 'active') {
    throw new TRPCError({ code: 'PRECONDITION_FAILED', message: `Session is ${session.status}` });
  }
  const conversation = await services.db.models.Conversation.findByPk(session.conversationId, {
    attributes: ['eventSeq', 'assignedAgentName'],
  });
  // An agent's typing carries their name ("Aylin is typing").
  const event =
    session.kind === 'agent'
      ? {
          type: 'typing' as const,
          actor: 'agent' as const,
          typing,
          name: conversation?.assignedAgentName ?? '',
        }
      : { type: 'typing' as const, actor: 'user' as const, typing };
  await publishEphemeral(
    services,
    session.conversationId,
    Number(conversation?.eventSeq ?? 0),
    event,
  );
  return { ok: true as const };
}

/** The memory of the session's conversation: every session of it shares one. */
export async function getMemory(
  services: Services,
  identity: Identity,
  sessionId: string,
): Promise<SessionMemory> {
  const session = await loadSessionReaching(services, identity, sessionId);
  const conversation = await services.db.models.Conversation.findByPk(session.conversationId, {
    attributes: ['memory', 'memorySummary'],
  });
  if (!conversation) throw notFound('Session');
  return {
    summary: conversation.memorySummary,
    facts: conversation.memory as SessionMemory['facts'],
  };
}

/** Expired sessions read per statement, and expired side by side (each its own transaction). */
const SWEEP_PAGE = 200;
const SWEEP_PARALLEL = 4;

/**
 * Marks idle sessions expired and records `session.ended` for each in its conversation's
 * log. Each session is expired in its own transaction that locks its conversation first
 * (the order every event writer uses), and re-checks the session under that lock, so two
 * instances sweeping at once never expire a session twice. Candidates are read a page at
 * a time, oldest expiry first, and a few are expired at once: a backlog of many thousands
 * (a night of guests) neither sits in memory whole nor takes one round trip after another.
 */
export async function sweepExpiredSessions(services: Services): Promise<number> {
  const now = services.clock();
  let expired = 0;
  let after: { expiresAt: string; id: string } | undefined;
  for (;;) {
    const page = await services.db.sequelize.query<{
      id: string;
      conversation_id: string;
      expires_at: string;
    }>(
      // The expiry as text: microseconds, which a Date would round and the next page repeat.
      `SELECT id, conversation_id, expires_at::text AS expires_at FROM sessions
       WHERE status = 'active' AND expires_at < :now
         ${after ? 'AND (expires_at, id) > (:afterAt::timestamptz, :afterId::uuid)' : ''}
       ORDER BY expires_at, id LIMIT :limit`,
      {
        replacements: { now, afterAt: after?.expiresAt, afterId: after?.id, limit: SWEEP_PAGE },
        type: QueryTypes.SELECT,
      },
    );
    for (let i = 0; i < page.length; i += SWEEP_PARALLEL) {
      const done = await Promise.all(
        page
          .slice(i, i + SWEEP_PARALLEL)
          .map((candidate) => expireSession(services, candidate, now)),
      );
      expired += done.filter(Boolean).length;
    }
    const last = page.at(-1);
    if (!last || page.length < SWEEP_PAGE) return expired;
    after = { expiresAt: last.expires_at, id: last.id };
  }
}

/** Expires one session if it is still active and idle; true when this call did it. */
async function expireSession(
  services: Services,
  candidate: { id: string; conversation_id: string },
  now: Date,
): Promise<boolean> {
  const session = { id: candidate.id, conversationId: candidate.conversation_id };
  const publish = await withTransaction(services.db.sequelize, async (transaction) => {
    await lockConversation(services, session.conversationId, transaction);
    return closeSession(services, session, 'expired', transaction, now);
  });
  if (!publish) return false;
  await publish();
  return true;
}
