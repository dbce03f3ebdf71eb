import type { AssistantOutcome } from '@parley/assistant';
import { isDatabaseUnavailable, isUniqueViolation, newId } from '@parley/db';
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
import { notFound } from '../errors';
import type { RequestLog } from '../request-log';
import { withWireForm } from '../wire';
import { durableEvent, publishEphemeral } from './events';
import { sendResultWire } from './send-wire';
import {
  readStoredTurn,
  readTurnContext,
  sessionStatus,
  type TurnContext,
  writeTurn,
} from './turn-sql';

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
 * (`message.created`, `assistant.completed`) and the session memory are written by ONE
 * statement (turn-sql.ts). Nothing is ever half-written: an outage or a crash leaves
 * either the whole turn or none of it, and the client's retry (same `clientMessageId`)
 * redoes it. A plain turn makes two round trips to PostgreSQL (plus the assistant's
 * listing searches): one read before the assistant runs, one write after.
 *
 * Idempotent on `clientMessageId`: a repeat gets the stored turn; a concurrent twin
 * blocks on the unique index until the first commits, then gets the same turn.
 */
export async function sendMessage(deps: SendDeps, raw: SendInput): Promise<SendResult> {
  const { services, identity } = deps;
  const input = { ...raw, content: storable(raw.content) };
  if (identity.kind === 'session' && identity.sessionId !== input.sessionId) {
    throw notFound('Session');
  }
  const context = await readTurnContext(services.db, {
    sessionId: input.sessionId,
    userId: identity.userId,
    clientMessageId: input.clientMessageId,
    historyLimit: HISTORY_TURNS,
  });
  if (!context) throw notFound('Session');
  if (context.stored) return context.stored;
  const { session } = context;
  const now = services.clock();
  if (session.status !== 'active') throw closed(session.status);
  if (session.expiresAt <= now) throw closed('expired');

  const userMessageId = newId();
  const assistantMessageId = newId();
  const afterSeq = session.eventSeq;
  void publishEphemeral(services, session.id, afterSeq, {
    type: 'typing',
    actor: 'assistant',
    typing: true,
  });
  try {
    const outcome = await runAssistant(deps, context, {
      messageId: assistantMessageId,
      content: input.content,
      clientMessageId: input.clientMessageId,
    });
    return await commitTurn(deps, input, session.conversationId, {
      userMessageId,
      assistantMessageId,
      outcome,
    });
  } catch (error) {
    // A twin with the same clientMessageId committed first: its turn is the answer.
    if (isUniqueViolation(error, 'messages_client_message_key')) {
      const twin = await readStoredTurn(services.db, {
        conversationId: session.conversationId,
        clientMessageId: input.clientMessageId,
      });
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

/** Writes the turn in one statement, then publishes its two durable events. */
async function commitTurn(
  deps: SendDeps,
  input: SendInput,
  conversationId: string,
  turn: { userMessageId: string; assistantMessageId: string; outcome: AssistantOutcome },
): Promise<SendResult> {
  const { services, identity } = deps;
  const at = services.clock();
  // A millisecond later, so the reply always sorts after its question.
  const repliedAt = new Date(at.getTime() + 1);
  const { reply: assistantReply, memory } = turn.outcome;
  const assistantMetadata = {
    agent: assistantReply.agent,
    recommendations: assistantReply.recommendations,
    appliedFilters: assistantReply.appliedFilters,
  };
  const userMessage: Message = {
    id: turn.userMessageId,
    conversationId,
    role: 'user',
    content: input.content,
    metadata: {},
    createdAt: at,
  };
  const assistantMessage: Message = {
    id: turn.assistantMessageId,
    conversationId,
    role: 'assistant',
    content: assistantReply.responseText,
    metadata: assistantMetadata,
    createdAt: repliedAt,
  };
  const reply: AssistantReply = { ...assistantReply, conversationId };
  const created = durableEvent({ type: 'message.created', message: userMessage });
  const completed = durableEvent({ type: 'assistant.completed', message: assistantMessage, reply });
  const seq = await writeTurn(services.db, {
    sessionId: input.sessionId,
    userId: identity.userId,
    at,
    repliedAt,
    expiresAt: new Date(at.getTime() + services.config.sessionIdleSeconds * 1000),
    userMessageId: turn.userMessageId,
    userContent: input.content,
    clientMessageId: input.clientMessageId,
    assistantMessageId: turn.assistantMessageId,
    assistantContent: assistantReply.responseText,
    assistantMetadata,
    // A conversation created without a title takes one from its first user message.
    title: titleFrom(input.content),
    memory: memory.facts as Record<string, unknown>,
    memorySummary: memory.summary,
    userEvent: created.payload,
    assistantEvent: completed.payload,
  });
  if (seq === undefined) throw await whyNotWritten(deps, input.sessionId);
  // Only after commit: a subscriber must never see an event that is later rolled back.
  await created.publish(services, input.sessionId, seq - 1);
  await completed.publish(services, input.sessionId, seq);
  const result: SendResult = { userMessage, assistantMessage, reply };
  const wire = sendResultWire(created.payload, completed.payload);
  return wire ? withWireForm(result, wire) : result;
}

/** The session ended, expired or vanished while the assistant was answering. */
async function whyNotWritten(deps: SendDeps, sessionId: string): Promise<TRPCError> {
  const status = await sessionStatus(deps.services.db, sessionId, deps.identity.userId);
  if (!status) return notFound('Session');
  if (status !== 'active') return closed(status);
  return new TRPCError({
    code: 'INTERNAL_SERVER_ERROR',
    message: `session ${sessionId} is active but its turn was not written`,
  });
}

/**
 * PostgreSQL text (and jsonb) cannot hold NUL: it is stored, and answered, as the two
 * characters `\0`, as Sequelize's parameter binding did before the turn became raw SQL.
 * Done before the assistant runs, so no NUL reaches its reply or memory either.
 */
function storable(content: string): string {
  return content.includes('\0') ? content.replaceAll('\0', '\\0') : content;
}

function titleFrom(content: string): string {
  const line = content.trim().split('\n')[0]!.replace(/\s+/g, ' ');
  return line.length <= 60 ? line : `${line.slice(0, 57).trimEnd()}...`;
}

/**
 * Streams the assistant's pieces to subscribers and returns its outcome. A failing
 * assistant still yields a reply that says plainly something went wrong; the error is
 * logged with the request id.
 */
async function runAssistant(
  deps: SendDeps,
  context: TurnContext,
  turn: { messageId: string; content: string; clientMessageId: string },
): Promise<AssistantOutcome> {
  const { services } = deps;
  const { session } = context;
  const sessionId = session.id;
  const conversationId = session.conversationId;
  const afterSeq = session.eventSeq;
  const memory = (session.memory ?? {}) as SearchFacts;
  try {
    const stream = services.assistant.reply({
      message: turn.content,
      conversationId,
      memory,
      history: context.history,
      systemPrompt: context.systemPrompt,
      searchListings: deps.searchListings,
    });
    const deltas = deltaBatcher((delta) => {
      void publishEphemeral(services, sessionId, afterSeq, {
        type: 'assistant.delta',
        messageId: turn.messageId,
        delta,
        clientMessageId: turn.clientMessageId,
      });
    });
    try {
      for (;;) {
        const step = await stream.next();
        if (step.done) return step.value;
        deltas.add(step.value);
      }
    } finally {
      // Every piece goes out before the turn's durable events (or its failure).
      deltas.flush();
    }
  } catch (error) {
    // An outage is not the assistant's failure: the turn fails whole and is retried.
    if (isDatabaseUnavailable(error)) throw error;
    deps.log.error(
      { err: error, sessionId, messageId: turn.messageId },
      'assistant failed; answering with an apology',
    );
    return {
      reply: {
        responseText: FAILURE_TEXT,
        agent: services.assistant.name,
        conversationId,
        recommendations: [],
        appliedFilters: memory,
      },
      memory: { facts: memory, summary: '' },
    };
  }
}

/**
 * Coalesces the pieces an assistant yields within one turn of the event loop into one
 * `assistant.delta`: the rule agent yields its lines back to back, and every event costs
 * a bus message and a frame per subscriber. Pieces that arrive apart (a model streaming
 * over the network) still go out as they come.
 */
function deltaBatcher(publish: (delta: string) => void) {
  let pending = '';
  let timer: NodeJS.Immediate | undefined;
  const flush = () => {
    if (timer) clearImmediate(timer);
    timer = undefined;
    if (!pending) return;
    const delta = pending;
    pending = '';
    publish(delta);
  };
  return {
    add(piece: string) {
      pending += piece;
      timer ??= setImmediate(flush);
    },
    flush,
  };
}
