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
import superjson from 'superjson';
import type { Identity } from '../auth/credentials';
import { CLIENT_SECRET_PREFIX } from '../auth/credentials';
import { digest, randomSecret } from '../auth/secrets';
import type { ApiServices } from '../context';
import { notFound } from '../errors';
import { createConversation, loadConversation } from './conversations';
import { decodeCursor, toPage } from './cursor';
import { appendEvent, publishEphemeral, sessionChannel } from './events';
import { toConversation, toSession } from './serialize';

type Services = Pick<ApiServices, 'db' | 'infra' | 'clock' | 'config' | 'logger'>;

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
  const row = await services.db.models.Session.findOne({
    where: { id: sessionId, userId: identity.userId },
    transaction,
    ...(transaction ? { lock: transaction.LOCK.UPDATE } : {}),
  });
  if (!row) throw notFound('Session');
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

/** Creates the session, and its conversation when none is given, in one transaction. */
export async function createSession(
  services: Services,
  userId: string,
  input: { conversationId?: string | undefined; endUserId?: string | undefined },
): Promise<SessionCreated> {
  return withTransaction(services.db.sequelize, async (transaction) => {
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

export async function refreshClientSecret(services: Services, identity: Identity, id: string) {
  return withTransaction(services.db.sequelize, async (transaction) => {
    const session = await loadSession(services, identity, id, transaction);
    if (session.status !== 'active') {
      throw new TRPCError({ code: 'PRECONDITION_FAILED', message: `Session is ${session.status}` });
    }
    return issueClientSecret(services, session.id, transaction);
  });
}

/** Ends a session: status `ended`, a durable `session.ended` event, subscribers told. */
export async function endSession(
  services: Services,
  identity: Identity,
  id: string,
): Promise<Session> {
  const { session, publish } = await withTransaction(services.db.sequelize, async (transaction) => {
    const row = await loadSession(services, identity, id, transaction);
    if (row.status !== 'active') return { session: row, publish: async () => {} };
    const now = services.clock();
    row.status = 'ended';
    row.endedAt = now;
    row.endReason = 'ended by owner';
    row.updatedAt = now;
    await row.save({ transaction });
    const event = await appendEvent(
      services,
      row.id,
      { type: 'session.ended', reason: 'ended by owner' },
      transaction,
    );
    return { session: row, publish: event.publish };
  });
  await publish();
  return toSession(session);
}

/** Used when a conversation is deleted: every live session of it ends first. */
export async function endSessionsOf(
  services: Services,
  conversationId: string,
  reason: string,
  transaction: Transaction,
) {
  const sessions = await services.db.models.Session.findAll({
    where: { conversationId, status: 'active' },
    attributes: ['id'],
    transaction,
  });
  const ids = sessions.map((s) => s.id);
  return {
    // The rows go with the conversation, so the notice is ephemeral.
    publish: async () => {
      await Promise.all(
        ids.map((id) =>
          services.infra.bus.publish(sessionChannel(id), {
            kind: 'ephemeral',
            afterSeq: Number.MAX_SAFE_INTEGER,
            event: superjson.serialize({ type: 'session.ended', reason }),
          }),
        ),
      );
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
  await publishEphemeral(services, sessionId, Number(session.eventSeq), {
    type: 'typing',
    actor: 'user',
    typing,
  });
  return { ok: true as const };
}

export async function getMemory(
  services: Services,
  identity: Identity,
  sessionId: string,
): Promise<SessionMemory> {
  const session = await loadSession(services, identity, sessionId);
  return { summary: session.memorySummary, facts: session.memory as SessionMemory['facts'] };
}

/**
 * Marks idle sessions expired and records `session.ended` for each, in one statement,
 * so two instances sweeping at once never expire a session twice.
 */
export async function sweepExpiredSessions(services: Services): Promise<number> {
  const payload = JSON.stringify(superjson.serialize({ type: 'session.ended', reason: 'expired' }));
  const rows = await services.db.sequelize.query<{ session_id: string; seq: string }>(
    `WITH expired AS (
       UPDATE sessions SET status = 'expired', ended_at = now(), end_reason = 'expired',
              event_seq = event_seq + 1, updated_at = now()
       WHERE status = 'active' AND expires_at < :now
       RETURNING id, event_seq)
     INSERT INTO session_events (session_id, seq, type, payload, created_at)
     SELECT id, event_seq, 'session.ended', CAST(:payload AS jsonb), now() FROM expired
     RETURNING session_id, seq`,
    { replacements: { now: services.clock(), payload }, type: QueryTypes.SELECT },
  );
  await Promise.all(
    rows.map((r) =>
      services.infra.bus.publish(sessionChannel(r.session_id), {
        kind: 'durable',
        seq: Number(r.seq),
        event: JSON.parse(payload),
      }),
    ),
  );
  return rows.length;
}
