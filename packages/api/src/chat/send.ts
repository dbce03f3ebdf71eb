import type { AssistantOutcome } from '@parley/assistant';
import { isDatabaseUnavailable, isUniqueViolation, newId, withTransaction } from '@parley/db';
import type {
  AssistantReply,
  ListingPage,
  Message,
  ParsedListingQuery,
  SearchFacts,
  SendResult,
} from '@parley/validators';
import { TRPCError } from '@trpc/server';
import type { Identity } from '../auth/credentials';
import type { ApiServices } from '../context';
import type { RequestLog } from '../request-log';
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
  log: RequestLog;
  searchListings: (query: ParsedListingQuery) => Promise<ListingPage>;
}

const HISTORY_TURNS = 12;
const FAILURE_TEXT =
  'Sorry, something went wrong on my side while working on that, and I could not finish my answer. Please try again in a moment.';

function closed(status: string): TRPCError {
  return new TRPCError({
    code: 'PRECONDITION_FAILED',
    message: `This session is ${status}; open a new one to keep chatting`,
  });
}

/**
 * One chat turn. The assistant runs first, streaming `assistant.delta` pieces to
 * subscribers; then the user message, the assistant message, both durable events
 * (`message.created`, `assistant.completed`) and the session memory commit in ONE
 * transaction. Nothing is ever half-written: an outage or a crash leaves either the
 * whole turn or none of it, and the client's retry (same `clientMessageId`) redoes it.
 *
 * Idempotent on `clientMessageId`: a repeat gets the stored turn; a concurrent twin
 * blocks on the unique index until the first commits, then gets the same turn.
 */
export async function sendMessage(deps: SendDeps, input: SendInput): Promise<SendResult> {
  const { services, identity } = deps;
  const session = await loadSession(services, identity, input.sessionId);
  const stored = await storedTurn(deps, session.conversationId, input.clientMessageId);
  if (stored) return stored;
  const now = services.clock();
  if (session.status !== 'active') throw closed(session.status);
  if (session.expiresAt <= now) throw closed('expired');

  const userMessageId = newId();
  const assistantMessageId = newId();
  const afterSeq = Number(session.eventSeq);
  void publishEphemeral(services, session.id, afterSeq, {
    type: 'typing',
    actor: 'assistant',
    typing: true,
  });
  try {
    const outcome = await runAssistant(deps, {
      sessionId: session.id,
      conversationId: session.conversationId,
      messageId: assistantMessageId,
      afterSeq,
      content: input.content,
      clientMessageId: input.clientMessageId,
      memory: session.memory as SearchFacts,
    });
    const committed = await withTransaction(services.db.sequelize, async (transaction) => {
      const { Conversation, Message: MessageModel } = services.db.models;
      const locked = await loadSession(services, identity, input.sessionId, transaction);
      const at = services.clock();
      if (locked.status !== 'active') throw closed(locked.status);
      const conversation = await Conversation.findByPk(locked.conversationId, {
        transaction,
        lock: transaction.LOCK.UPDATE,
      });
      if (!conversation)
        throw new TRPCError({ code: 'NOT_FOUND', message: 'Conversation not found' });
      const userRow = await MessageModel.create(
        {
          id: userMessageId,
          conversationId: locked.conversationId,
          sessionId: locked.id,
          role: 'user',
          content: input.content,
          clientMessageId: input.clientMessageId,
          createdAt: at,
          updatedAt: at,
        },
        { transaction },
      );
      // A millisecond later, so the reply always sorts after its question.
      const repliedAt = new Date(at.getTime() + 1);
      const assistantRow = await MessageModel.create(
        {
          id: assistantMessageId,
          conversationId: locked.conversationId,
          sessionId: locked.id,
          role: 'assistant',
          content: outcome.reply.responseText,
          metadata: {
            agent: outcome.reply.agent,
            recommendations: outcome.reply.recommendations,
            appliedFilters: outcome.reply.appliedFilters,
          } as Record<string, unknown>,
          replyToId: userMessageId,
          createdAt: repliedAt,
          updatedAt: repliedAt,
        },
        { transaction },
      );
      conversation.messageCount += 2;
      conversation.lastMessageAt = repliedAt;
      conversation.activityAt = repliedAt;
      conversation.updatedAt = repliedAt;
      // A conversation created without a title takes one from its first user message.
      conversation.title ??= titleFrom(input.content);
      await conversation.save({ transaction });
      locked.memory = outcome.memory.facts as Record<string, unknown>;
      locked.memorySummary = outcome.memory.summary;
      locked.lastActivityAt = at;
      locked.expiresAt = new Date(at.getTime() + services.config.sessionIdleSeconds * 1000);
      locked.updatedAt = at;
      await locked.save({ transaction });
      const userMessage = toMessage(userRow);
      const assistantMessage = toMessage(assistantRow);
      const reply: AssistantReply = { ...outcome.reply, conversationId: locked.conversationId };
      const created = await appendEvent(
        services,
        locked.id,
        { type: 'message.created', message: userMessage },
        transaction,
      );
      const completed = await appendEvent(
        services,
        locked.id,
        { type: 'assistant.completed', message: assistantMessage, reply },
        transaction,
      );
      return {
        userMessage,
        assistantMessage,
        reply,
        publish: [created.publish, completed.publish],
      };
    });
    for (const publish of committed.publish) await publish();
    return {
      userMessage: committed.userMessage,
      assistantMessage: committed.assistantMessage,
      reply: committed.reply,
    };
  } catch (error) {
    // A twin with the same clientMessageId committed first: its turn is the answer.
    if (isUniqueViolation(error, 'messages_client_message_key')) {
      const twin = await storedTurn(deps, session.conversationId, input.clientMessageId);
      if (twin) return twin;
    }
    throw error;
  } finally {
    void publishEphemeral(services, session.id, afterSeq, {
      type: 'typing',
      actor: 'assistant',
      typing: false,
    });
  }
}

function titleFrom(content: string): string {
  const line = content.trim().split('\n')[0]!.replace(/\s+/g, ' ');
  return line.length <= 60 ? line : `${line.slice(0, 57).trimEnd()}...`;
}

/** The committed turn of a clientMessageId, if there is one. */
async function storedTurn(
  deps: SendDeps,
  conversationId: string,
  clientMessageId: string,
): Promise<SendResult | undefined> {
  const { Message: MessageModel } = deps.services.db.models;
  const user = await MessageModel.findOne({ where: { conversationId, clientMessageId } });
  if (!user) return undefined;
  const reply = await MessageModel.findOne({ where: { replyToId: user.id } });
  // Both rows commit together, so a stored user message always has its reply.
  if (!reply)
    throw new Error(`message ${user.id} has no reply: the one-transaction turn was broken`);
  const assistantMessage = toMessage(reply);
  return { userMessage: toMessage(user), assistantMessage, reply: replyOf(assistantMessage) };
}

/**
 * Streams the assistant's pieces to subscribers and returns its outcome. A failing
 * assistant still yields a reply that says plainly something went wrong; the error is
 * logged with the request id.
 */
async function runAssistant(
  deps: SendDeps,
  turn: {
    sessionId: string;
    conversationId: string;
    messageId: string;
    afterSeq: number;
    content: string;
    clientMessageId: string;
    memory: SearchFacts;
  },
): Promise<AssistantOutcome> {
  const { services } = deps;
  const [history, conversation] = await Promise.all([
    services.db.models.Message.findAll({
      where: { conversationId: turn.conversationId },
      order: [
        ['createdAt', 'DESC'],
        ['id', 'DESC'],
      ],
      limit: HISTORY_TURNS,
      attributes: ['role', 'content'],
    }),
    services.db.models.Conversation.findByPk(turn.conversationId, { attributes: ['systemPrompt'] }),
  ]);
  const memory = turn.memory ?? {};
  try {
    const stream = services.assistant.reply({
      message: turn.content,
      conversationId: turn.conversationId,
      memory,
      history: history.reverse().map((m) => ({ role: m.role, content: m.content })),
      systemPrompt: conversation?.systemPrompt ?? null,
      searchListings: deps.searchListings,
    });
    for (;;) {
      const step = await stream.next();
      if (step.done) return step.value;
      void publishEphemeral(services, turn.sessionId, turn.afterSeq, {
        type: 'assistant.delta',
        messageId: turn.messageId,
        delta: step.value,
        clientMessageId: turn.clientMessageId,
      });
    }
  } catch (error) {
    // An outage is not the assistant's failure: the turn fails whole and is retried.
    if (isDatabaseUnavailable(error)) throw error;
    deps.log.error(
      { err: error, sessionId: turn.sessionId, messageId: turn.messageId },
      'assistant failed; answering with an apology',
    );
    return {
      reply: {
        responseText: FAILURE_TEXT,
        agent: services.assistant.name,
        conversationId: turn.conversationId,
        recommendations: [],
        appliedFilters: memory,
      },
      memory: { facts: memory, summary: '' },
    };
  }
}
