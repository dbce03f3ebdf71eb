import { newId, withTransaction } from '@parley/db';
import type { AgentRef, Conversation, Role, Session } from '@parley/validators';
import { TRPCError } from '@trpc/server';
import { QueryTypes, type Transaction } from 'sequelize';
import { toConversation, toSession } from '../chat/serialize';
import type { ApiServices } from '../context';
import { notFound } from '../errors';
import { appendEvents } from '../events/log';
import type { DurableEvent } from '../events/protocol';
import { getListing, listingsDeps } from '../listings';
import { type RunRow, toRun } from '../runs/records';
import { briefOf } from './items';
import { appendInboxEvents } from './log';
import { INBOX_PRESENCE } from './stream';

/*
 * A conversation's hand-offs between the assistant and people, each in one transaction
 * with its durable events (the conversation's and the inbox's), published after commit.
 * Every one locks the conversation row first: of ten agents claiming at once, one sees
 * the conversation waiting and takes it, the other nine find it taken.
 */

type Services = Pick<ApiServices, 'db' | 'infra' | 'clock' | 'config' | 'logger' | 'jobs'>;

export interface Staff {
  userId: string;
  role: Role;
}

/** How the assistant and people learn an agent was asked for. */
export const ASSISTANT_REASON = 'Asked the assistant for a person';

async function lockedConversation(services: Services, id: string, transaction: Transaction) {
  const row = await services.db.models.Conversation.findByPk(id, {
    transaction,
    lock: transaction.LOCK.UPDATE,
  });
  if (!row) throw notFound('Conversation');
  return row;
}

function publishAll(...publishers: (() => Promise<void>)[]) {
  return async () => {
    for (const publish of publishers) await publish();
  };
}

/**
 * Puts a conversation in the agents' waiting list (`handoff.requested` with the brief).
 * Already waiting or with an agent: unchanged. `listingId` names the listing asked about.
 */
export async function requestHandoff(
  services: Services,
  input: HandoffRequest & { listingId?: string | undefined },
): Promise<Conversation> {
  if (input.listingId && !(await getListing(listingsDeps(services), input.listingId))) {
    throw notFound('Listing');
  }
  const { conversation, publish } = await withTransaction(services.db.sequelize, (transaction) =>
    requestHandoffIn(services, input, transaction),
  );
  await publish().catch((error: unknown) =>
    services.logger.warn({ err: error }, 'could not publish a hand-off'),
  );
  return toConversation(conversation);
}

export interface HandoffRequest {
  conversationId: string;
  sessionId: string | null;
  reason?: string | undefined;
  listingId?: string | undefined;
}

/**
 * The hand-off request's writes inside the caller's `transaction`: a run whose reply
 * promises an agent stores both in one commit (runs/transitions.ts), so neither can be
 * left without the other. `publish` after the commit.
 */
export async function requestHandoffIn(
  services: Services,
  input: HandoffRequest,
  transaction: Transaction,
): Promise<{ conversation: ConversationRow; publish: () => Promise<void> }> {
  const row = await lockedConversation(services, input.conversationId, transaction);
  if (row.mode !== 'assistant') return { conversation: row, publish: async () => {} };
  const now = services.clock();
  row.mode = 'waiting';
  row.handoffRequestedAt = now;
  row.handoffReason = input.reason ?? null;
  row.handoffListingId = input.listingId ?? null;
  row.updatedAt = now;
  row.activityAt = now;
  await row.save({ transaction });
  const brief = await briefOf(services, row.id, transaction);
  // Whoever asked is told at once whether somebody is there to answer (an open inbox).
  const agentsOnline = await services.infra.presence.any(INBOX_PRESENCE);
  const events = await appendEvents(
    services,
    row.id,
    [{ type: 'handoff.requested', reason: input.reason ?? null, brief, agentsOnline }],
    transaction,
    { sessionId: input.sessionId },
  );
  const inbox = await appendInboxEvents(
    services,
    [{ type: 'handoff.requested', conversationId: row.id }],
    transaction,
  );
  return { conversation: row, publish: publishAll(events.publish, inbox.publish) };
}

type ConversationRow = Awaited<ReturnType<typeof lockedConversation>>;

/**
 * `inbox.claim`: the agent takes a waiting conversation and gets a session of their own on
 * it. Runs still queued are cancelled (the assistant starts none while a person holds it).
 * Claiming one's own conversation again answers the same, with a live session.
 */
export async function claimConversation(
  services: Services,
  agent: Staff,
  conversationId: string,
): Promise<{ conversation: Conversation; session: Session }> {
  const { conversation, session, publish } = await withTransaction(
    services.db.sequelize,
    async (transaction) => {
      const row = await lockedConversation(services, conversationId, transaction);
      if (!row.handoffRequestedAt) throw notFound('Conversation');
      if (row.mode === 'agent' && row.assignedAgentId !== agent.userId) {
        throw new TRPCError({
          code: 'CONFLICT',
          message: `${row.assignedAgentName ?? 'Another agent'} is already answering this conversation`,
        });
      }
      if (row.mode === 'assistant') {
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: 'This conversation is not waiting for a person any more',
        });
      }
      const me = await services.db.models.User.findByPk(agent.userId, {
        attributes: ['id', 'name'],
        transaction,
      });
      if (!me)
        throw new TRPCError({ code: 'UNAUTHORIZED', message: 'This account no longer exists' });
      const ref: AgentRef = { id: me.id, name: me.name };
      const now = services.clock();
      const events: DurableEvent[] = [];
      let claimed = false;
      if (row.mode === 'waiting') {
        claimed = true;
        const cancelled = await services.db.sequelize.query<RunRow>(
          `UPDATE runs SET status = 'cancelled', finished_at = clock_timestamp(),
                  updated_at = clock_timestamp()
           WHERE conversation_id = $1 AND status = 'queued' RETURNING *`,
          { bind: [row.id], type: QueryTypes.SELECT, transaction },
        );
        for (const run of cancelled) events.push({ type: 'run.cancelled', run: toRun(run) });
        row.mode = 'agent';
        row.assignedAgentId = ref.id;
        row.assignedAgentName = ref.name;
        row.updatedAt = now;
        row.activityAt = now;
        await row.save({ transaction });
        events.push({ type: 'handoff.assigned', agent: ref });
      }
      const session =
        (await services.db.models.Session.findOne({
          where: { conversationId: row.id, userId: ref.id, kind: 'agent', status: 'active' },
          order: [['createdAt', 'DESC']],
          transaction,
        })) ??
        (await services.db.models.Session.create(
          {
            id: newId(),
            userId: ref.id,
            conversationId: row.id,
            kind: 'agent',
            lastActivityAt: now,
            expiresAt: new Date(now.getTime() + services.config.sessionIdleSeconds * 1000),
            createdAt: now,
            updatedAt: now,
          },
          { transaction },
        ));
      if (!claimed) return { conversation: row, session, publish: async () => {} };
      const appended = await appendEvents(services, row.id, events, transaction, {
        sessionId: session.id,
      });
      const inbox = await appendInboxEvents(
        services,
        [{ type: 'handoff.assigned', conversationId: row.id }],
        transaction,
      );
      return {
        conversation: row,
        session,
        publish: publishAll(appended.publish, inbox.publish),
      };
    },
  );
  await publish().catch((error: unknown) =>
    services.logger.warn({ err: error }, 'could not publish a claim'),
  );
  return { conversation: toConversation(conversation), session: toSession(session) };
}

/**
 * `inbox.release`: the agent (or an admin) hands the conversation back to the assistant,
 * or back to the waiting list. The agents' sessions on it end (their streams close): from
 * now on the agent sees it as any other inbox item.
 */
export async function releaseConversation(
  services: Services,
  staff: Staff,
  input: { conversationId: string; to: 'assistant' | 'waiting' },
): Promise<Conversation> {
  const { conversation, publish } = await withTransaction(
    services.db.sequelize,
    async (transaction) => {
      const row = await lockedConversation(services, input.conversationId, transaction);
      if (!row.handoffRequestedAt) throw notFound('Conversation');
      if (row.mode !== 'agent') {
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: 'No agent holds this conversation',
        });
      }
      if (row.assignedAgentId !== staff.userId && staff.role !== 'admin') {
        throw new TRPCError({
          code: 'FORBIDDEN',
          message: 'Only the agent answering this conversation, or an admin, can hand it back',
        });
      }
      return releaseLocked(services, row, input.to, transaction);
    },
  );
  await publish().catch((error: unknown) =>
    services.logger.warn({ err: error }, 'could not publish a release'),
  );
  return toConversation(conversation);
}

/**
 * Puts every conversation `agentId` holds back in the waiting list, as a release would:
 * for an agent who is staff no more (made a plain user), whose sessions must not write on.
 * Each conversation in its own transaction, re-checked under its lock.
 */
export async function releaseAllHeldBy(services: Services, agentId: string): Promise<number> {
  const held = await services.db.sequelize.query<{ id: string }>(
    `SELECT id FROM conversations WHERE assigned_agent_id = $1 AND mode = 'agent'`,
    { bind: [agentId], type: QueryTypes.SELECT },
  );
  let released = 0;
  for (const { id } of held) {
    const done = await withTransaction(services.db.sequelize, async (transaction) => {
      const row = await lockedConversation(services, id, transaction);
      if (row.mode !== 'agent' || row.assignedAgentId !== agentId) return null;
      return releaseLocked(services, row, 'waiting', transaction);
    });
    if (!done) continue;
    released += 1;
    await done
      .publish()
      .catch((error: unknown) =>
        services.logger.warn({ err: error }, 'could not publish a release'),
      );
  }
  return released;
}

/** The release itself, on the conversation locked by the caller's transaction. */
async function releaseLocked(
  services: Services,
  row: Awaited<ReturnType<typeof lockedConversation>>,
  to: 'assistant' | 'waiting',
  transaction: Transaction,
) {
  const agent: AgentRef = { id: row.assignedAgentId ?? '', name: row.assignedAgentName ?? '' };
  const now = services.clock();
  const ended = await services.db.sequelize.query<{ id: string }>(
    `UPDATE sessions SET status = 'ended', ended_at = $2, end_reason = 'released',
            updated_at = $2
     WHERE conversation_id = $1 AND kind = 'agent' AND status = 'active' RETURNING id`,
    { bind: [row.id, now], type: QueryTypes.SELECT, transaction },
  );
  row.mode = to;
  row.assignedAgentId = null;
  row.assignedAgentName = null;
  if (to === 'waiting') row.handoffRequestedAt = now;
  row.updatedAt = now;
  row.activityAt = now;
  await row.save({ transaction });
  const events: DurableEvent[] = [
    { type: 'handoff.released', agent, to },
    ...ended.map(
      (s): DurableEvent => ({ type: 'session.ended', sessionId: s.id, reason: 'released' }),
    ),
  ];
  const appended = await appendEvents(services, row.id, events, transaction);
  const inbox = await appendInboxEvents(
    services,
    [{ type: 'handoff.released', conversationId: row.id }],
    transaction,
  );
  return { conversation: row, publish: publishAll(appended.publish, inbox.publish) };
}
