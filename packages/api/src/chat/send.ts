import type { AssistantOutcome } from '@parley/assistant';
import { isUniqueViolation, newId, withTransaction } from '@parley/db';
import type {
  AssistantReply,
  ListingPage,
  Message,
  ParsedListingQuery,
  SearchFacts,
  SendResult,
} from '@parley/validators';
import { TRPCError } from '@trpc/server';
import { Op } from 'sequelize';
import type { Identity } from '../auth/credentials';
import type { ApiServices } from '../context';
import { appendEvent, publishEphemeral } from './events';
import { replyOf, toMessage } from './serialize';
import { loadSession } from './sessions';

export interface SendInput {
  sessionId: string;
  content: string;
  clientMessageId: string;
}

export interface SendDeps {
  services: ApiServices;
  identity: Identity;
  log: ApiServices['logger'];
  searchListings: (query: ParsedListingQuery) => Promise<ListingPage>;
}

const HISTORY_TURNS = 12;
const DUPLICATE_WAIT_MS = 20_000;
const FAILURE_TEXT =
  'Sorry, something went wrong on my side while working on that, and I could not finish my answer. Please try again in a moment.';

function closed(status: string): TRPCError {
  return new TRPCError({
    code: 'PRECONDITION_FAILED',
    message: `This session is ${status}; open a new one to keep chatting`,
  });
}

/**
 * One chat turn. The user message and its `message.created` event commit together; the
 * assistant runs outside any transaction, streaming `assistant.delta` pieces; then the
 * assistant message, `assistant.completed` and the updated memory commit together.
 * Returns only after both are committed. Idempotent on `clientMessageId`: a repeat (or a
 * concurrent twin, caught by the unique constraint) gets the first result.
 */
export async function sendMessage(deps: SendDeps, input: SendInput): Promise<SendResult> {
  const { services, identity } = deps;
  const { Message: MessageModel, Conversation } = services.db.models;
  const session = await loadSession(services, identity, input.sessionId);
  const existing = await MessageModel.findOne({
    where: { conversationId: session.conversationId, clientMessageId: input.clientMessageId },
  });
  if (existing) return resultFor(deps, existing.id);

  let stored: { user: Message; seq: number; memory: SearchFacts; systemPrompt: string | null };
  try {
    stored = await withTransaction(services.db.sequelize, async (transaction) => {
      const locked = await loadSession(services, identity, input.sessionId, transaction);
      const now = services.clock();
      if (locked.status !== 'active') throw closed(locked.status);
      if (locked.expiresAt <= now) throw closed('expired');
      const conversation = await Conversation.findByPk(locked.conversationId, {
        transaction,
        lock: transaction.LOCK.UPDATE,
      });
      if (!conversation)
        throw new TRPCError({ code: 'NOT_FOUND', message: 'Conversation not found' });
      const row = await MessageModel.create(
        {
          id: newId(),
          conversationId: locked.conversationId,
          sessionId: locked.id,
          role: 'user',
          content: input.content,
          clientMessageId: input.clientMessageId,
          createdAt: now,
          updatedAt: now,
        },
        { transaction },
      );
      conversation.messageCount += 1;
      conversation.lastMessageAt = now;
      conversation.activityAt = now;
      conversation.updatedAt = now;
      // A conversation created without a title takes one from its first user message.
      conversation.title ??= titleFrom(input.content);
      await conversation.save({ transaction });
      locked.lastActivityAt = now;
      locked.expiresAt = new Date(now.getTime() + services.config.sessionIdleSeconds * 1000);
      locked.updatedAt = now;
      await locked.save({ transaction });
      const user = toMessage(row);
      const event = await appendEvent(
        services,
        locked.id,
        { type: 'message.created', message: user },
        transaction,
      );
      return {
        user,
        seq: event.seq,
        publish: event.publish,
        memory: locked.memory as SearchFacts,
        systemPrompt: conversation.systemPrompt ?? null,
      };
    }).then(async (result) => {
      await result.publish();
      return result;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'messages_client_message_key')) {
      const twin = await MessageModel.findOne({
        where: { conversationId: session.conversationId, clientMessageId: input.clientMessageId },
      });
      if (twin) return resultFor(deps, twin.id);
    }
    throw error;
  }
  return answer(deps, session.id, stored);
}

function titleFrom(content: string): string {
  const line = content.trim().split('\n')[0]!.replace(/\s+/g, ' ');
  return line.length <= 60 ? line : `${line.slice(0, 57).trimEnd()}...`;
}

/** Runs the assistant for a stored user message and commits its reply. */
async function answer(
  deps: SendDeps,
  sessionId: string,
  stored: { user: Message; seq: number; memory: SearchFacts; systemPrompt: string | null },
): Promise<SendResult> {
  const { services } = deps;
  const assistantMessageId = newId();
  void publishEphemeral(services, sessionId, stored.seq, {
    type: 'typing',
    actor: 'assistant',
    typing: true,
  });
  const outcome = await runAssistant(deps, sessionId, assistantMessageId, stored);
  try {
    const committed = await withTransaction(services.db.sequelize, async (transaction) => {
      const session = await services.db.models.Session.findByPk(sessionId, {
        transaction,
        lock: transaction.LOCK.UPDATE,
      });
      const conversation = await services.db.models.Conversation.findByPk(
        stored.user.conversationId,
        {
          transaction,
          lock: transaction.LOCK.UPDATE,
        },
      );
      if (!session || !conversation)
        throw new TRPCError({ code: 'NOT_FOUND', message: 'Session not found' });
      const now = services.clock();
      const row = await services.db.models.Message.create(
        {
          id: assistantMessageId,
          conversationId: stored.user.conversationId,
          sessionId,
          role: 'assistant',
          content: outcome.reply.responseText,
          metadata: {
            agent: outcome.reply.agent,
            recommendations: outcome.reply.recommendations,
            appliedFilters: outcome.reply.appliedFilters,
          } as Record<string, unknown>,
          replyToId: stored.user.id,
          createdAt: now,
          updatedAt: now,
        },
        { transaction },
      );
      conversation.messageCount += 1;
      conversation.lastMessageAt = now;
      conversation.activityAt = now;
      conversation.updatedAt = now;
      await conversation.save({ transaction });
      session.memory = outcome.memory.facts as Record<string, unknown>;
      session.memorySummary = outcome.memory.summary;
      session.lastActivityAt = now;
      session.updatedAt = now;
      await session.save({ transaction });
      const message = toMessage(row);
      const reply: AssistantReply = {
        ...outcome.reply,
        conversationId: stored.user.conversationId,
      };
      const event = await appendEvent(
        services,
        sessionId,
        { type: 'assistant.completed', message, reply },
        transaction,
      );
      return { message, reply, publish: event.publish };
    });
    await committed.publish();
    return {
      userMessage: stored.user,
      assistantMessage: committed.message,
      reply: committed.reply,
    };
  } catch (error) {
    // Another request answered the same user message first (a retried send): use its reply.
    if (isUniqueViolation(error, 'messages_reply_to_key')) return resultFor(deps, stored.user.id);
    throw error;
  } finally {
    void publishEphemeral(services, sessionId, stored.seq, {
      type: 'typing',
      actor: 'assistant',
      typing: false,
    });
  }
}

/**
 * Streams the assistant's pieces to subscribers and returns its outcome. A failing
 * assistant still yields a reply that says plainly something went wrong; the error is
 * logged with the request id.
 */
async function runAssistant(
  deps: SendDeps,
  sessionId: string,
  messageId: string,
  stored: { user: Message; seq: number; memory: SearchFacts; systemPrompt: string | null },
): Promise<AssistantOutcome> {
  const { services } = deps;
  const history = await services.db.models.Message.findAll({
    where: { conversationId: stored.user.conversationId, id: { [Op.ne]: stored.user.id } },
    order: [
      ['createdAt', 'DESC'],
      ['id', 'DESC'],
    ],
    limit: HISTORY_TURNS,
    attributes: ['role', 'content'],
  });
  try {
    const stream = services.assistant.reply({
      message: stored.user.content,
      conversationId: stored.user.conversationId,
      memory: stored.memory ?? {},
      history: history.reverse().map((m) => ({ role: m.role, content: m.content })),
      systemPrompt: stored.systemPrompt,
      searchListings: deps.searchListings,
    });
    for (;;) {
      const step = await stream.next();
      if (step.done) return step.value;
      void publishEphemeral(services, sessionId, stored.seq, {
        type: 'assistant.delta',
        messageId,
        delta: step.value,
      });
    }
  } catch (error) {
    deps.log.error(
      { err: error, sessionId, messageId },
      'assistant failed; answering with an apology',
    );
    return {
      reply: {
        responseText: FAILURE_TEXT,
        agent: services.assistant.name,
        conversationId: stored.user.conversationId,
        recommendations: [],
        appliedFilters: stored.memory ?? {},
      },
      memory: { facts: stored.memory ?? {}, summary: '' },
    };
  }
}

/**
 * The result of an already-stored user message. Its reply may still be in the works
 * (a concurrent twin): wait for it. If it never comes (the first request died), answer
 * it here; the unique reply_to constraint makes sure only one answer is kept.
 */
async function resultFor(deps: SendDeps, userMessageId: string): Promise<SendResult> {
  const { Message: MessageModel, Session } = deps.services.db.models;
  const deadline = Date.now() + DUPLICATE_WAIT_MS;
  for (let delay = 20; ; delay = Math.min(delay * 2, 250)) {
    const [user, reply] = await Promise.all([
      MessageModel.findByPk(userMessageId),
      MessageModel.findOne({ where: { replyToId: userMessageId } }),
    ]);
    if (!user) throw new TRPCError({ code: 'NOT_FOUND', message: 'Message not found' });
    if (reply) {
      const assistantMessage = toMessage(reply);
      return { userMessage: toMessage(user), assistantMessage, reply: replyOf(assistantMessage) };
    }
    if (Date.now() > deadline) {
      const session = user.sessionId ? await Session.findByPk(user.sessionId) : null;
      if (!session) throw new TRPCError({ code: 'NOT_FOUND', message: 'Session not found' });
      return answer(deps, session.id, {
        user: toMessage(user),
        seq: Number(session.eventSeq),
        memory: session.memory as SearchFacts,
        systemPrompt: null,
      });
    }
    await new Promise((r) => setTimeout(r, delay));
  }
}
