import type { AssistantReply, Message, SendResult, SessionEvent } from '../../api';

/**
 * What the chat pane shows, built from three sources that overlap: the stored history,
 * the live event stream (replayed on resume) and the result of `sessions.send`. Every
 * entry is merged by message id, and the user's own message by its `clientMessageId`,
 * so no source can add a duplicate or lose a message.
 */
export interface ChatEntry {
  /** Stable React key: the clientMessageId of a message sent from here, else the message id. */
  key: string;
  id?: string;
  clientMessageId?: string;
  role: Message['role'];
  content: string;
  createdAt: Date;
  /** A message of ours the server has not confirmed yet. */
  pending?: boolean;
  /** A message of ours that could not be sent (retry keeps its clientMessageId). */
  failed?: string;
  /** An assistant reply still streaming in. */
  streaming?: boolean;
  reply?: AssistantReply;
}

export interface ChatState {
  entries: ChatEntry[];
  assistantTyping: boolean;
  ended?: string;
}

export const initialChatState: ChatState = { entries: [], assistantTyping: false };

export type ChatAction =
  | { type: 'history'; messages: Message[] }
  | { type: 'sending'; clientMessageId: string; content: string; at: Date }
  | { type: 'sent'; clientMessageId: string; result: SendResult }
  | { type: 'send-failed'; clientMessageId: string; error: string }
  | { type: 'event'; event: SessionEvent };

/** The reply an assistant message carries in its metadata (history has no separate reply). */
export function replyFromMessage(message: Message): AssistantReply | undefined {
  if (message.role !== 'assistant') return undefined;
  const meta = message.metadata as Partial<AssistantReply>;
  return {
    responseText: message.content,
    agent: meta.agent ?? 'rules',
    conversationId: message.conversationId,
    recommendations: meta.recommendations ?? [],
    appliedFilters: meta.appliedFilters ?? {},
  };
}

function fromMessage(message: Message, reply?: AssistantReply): ChatEntry {
  return {
    key: message.id,
    id: message.id,
    role: message.role,
    content: message.content,
    createdAt: message.createdAt,
    reply: reply ?? replyFromMessage(message),
  };
}

/** Puts a confirmed message in place: merges with the entry of the same id, or with our pending twin. */
function upsertMessage(
  entries: ChatEntry[],
  message: Message,
  options: { reply?: AssistantReply; clientMessageId?: string } = {},
): ChatEntry[] {
  const byId = entries.findIndex((e) => e.id === message.id);
  const byClientId = options.clientMessageId
    ? entries.findIndex((e) => e.clientMessageId === options.clientMessageId)
    : -1;
  // The event stream does not carry clientMessageId: match our oldest unconfirmed message
  // with the same text (messages are confirmed in the order they were sent).
  const byPendingText =
    byId < 0 && byClientId < 0 && message.role === 'user'
      ? entries.findIndex((e) => !e.id && e.clientMessageId && e.content === message.content)
      : -1;
  const at = byId >= 0 ? byId : byClientId >= 0 ? byClientId : byPendingText;
  if (at < 0) {
    // A question commits together with its answer, after the answer streamed in: it
    // belongs before any reply still streaming.
    const streaming = message.role === 'user' ? entries.findIndex((e) => e.streaming) : -1;
    if (streaming < 0) return [...entries, fromMessage(message, options.reply)];
    return [
      ...entries.slice(0, streaming),
      fromMessage(message, options.reply),
      ...entries.slice(streaming),
    ];
  }
  const current = entries[at]!;
  const merged: ChatEntry = {
    ...current,
    ...fromMessage(message, options.reply ?? current.reply),
    key: current.key,
    clientMessageId: current.clientMessageId ?? options.clientMessageId,
    pending: false,
    failed: undefined,
    streaming: false,
  };
  const next = entries.slice();
  next[at] = merged;
  // Two entries may have been made for one message (event first, then send result with its id).
  if (byId >= 0 && byClientId >= 0 && byId !== byClientId) next.splice(byClientId, 1);
  return next;
}

function applyEvent(state: ChatState, event: SessionEvent): ChatState {
  switch (event.type) {
    case 'message.created':
      return { ...state, entries: upsertMessage(state.entries, event.message) };
    case 'assistant.delta': {
      const at = state.entries.findIndex((e) => e.id === event.messageId);
      if (at < 0) {
        const entry: ChatEntry = {
          key: event.messageId,
          id: event.messageId,
          role: 'assistant',
          content: event.delta,
          createdAt: new Date(),
          streaming: true,
        };
        return { ...state, entries: [...state.entries, entry] };
      }
      const current = state.entries[at]!;
      if (!current.streaming) return state; // already complete: a late piece changes nothing
      const entries = state.entries.slice();
      entries[at] = { ...current, content: current.content + event.delta };
      return { ...state, entries };
    }
    case 'assistant.completed':
      return {
        ...state,
        assistantTyping: false,
        entries: upsertMessage(state.entries, event.message, { reply: event.reply }),
      };
    case 'typing':
      return event.actor === 'assistant' ? { ...state, assistantTyping: event.typing } : state;
    case 'session.ended':
      return { ...state, assistantTyping: false, ended: event.reason };
  }
}

function byTime(a: ChatEntry, b: ChatEntry): number {
  return a.createdAt.getTime() - b.createdAt.getTime();
}

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'history': {
      let entries = state.entries;
      for (const message of action.messages) entries = upsertMessage(entries, message);
      // History comes oldest first; live entries made before it arrived keep their place after it.
      const confirmed = entries.filter((e) => e.id && !e.streaming).sort(byTime);
      const rest = entries.filter((e) => !e.id || e.streaming);
      return { ...state, entries: [...confirmed, ...rest] };
    }
    case 'sending': {
      const existing = state.entries.findIndex((e) => e.clientMessageId === action.clientMessageId);
      if (existing >= 0) {
        // A retry of the same message: same clientMessageId, so the server stores it once.
        const entries = state.entries.slice();
        entries[existing] = { ...entries[existing]!, pending: true, failed: undefined };
        return { ...state, entries };
      }
      const entry: ChatEntry = {
        key: action.clientMessageId,
        clientMessageId: action.clientMessageId,
        role: 'user',
        content: action.content,
        createdAt: action.at,
        pending: true,
      };
      return { ...state, entries: [...state.entries, entry] };
    }
    case 'sent': {
      const { userMessage, assistantMessage, reply } = action.result;
      let entries = upsertMessage(state.entries, userMessage, {
        clientMessageId: action.clientMessageId,
      });
      entries = upsertMessage(entries, assistantMessage, { reply });
      return { ...state, assistantTyping: false, entries };
    }
    case 'send-failed': {
      const entries = state.entries.map((e) =>
        e.clientMessageId === action.clientMessageId && !e.id
          ? { ...e, pending: false, failed: action.error }
          : e,
      );
      return { ...state, entries };
    }
    case 'event':
      return applyEvent(state, action.event);
  }
}
