import { ParleyError } from './errors';
import type {
  AgentRef,
  AssistantReply,
  ConversationEvent,
  Message,
  MessageAuthor,
  Run,
  SendResult,
} from './generated/router';
import { placePiece } from './pieces';

/**
 * Where a message stands:
 * - `sending` / `failed`: ours, not stored yet, or refused (`error` says why; sending it
 *   again keeps its `clientMessageId`, so the server stores it once);
 * - `sent`: a stored message of a person (ours, another tab's, later an agent's);
 * - `streaming`: an assistant reply being written; `complete`: a finished reply;
 * - `interrupted`: a reply cut short by a stop, with what was written.
 */
export type ChatMessageStatus =
  | 'sending'
  | 'failed'
  | 'sent'
  | 'streaming'
  | 'complete'
  | 'interrupted';

/** One message as a chat screen shows it, merged from every source by id. */
export interface ChatMessage {
  /** Stable for the message's whole life (a list key): its clientMessageId, else its id. */
  key: string;
  /** The stored message's id; null while ours is not stored yet. */
  id: string | null;
  clientMessageId: string | null;
  role: Message['role'];
  /** Who wrote a person's message (the agent's name on an `agent` message). */
  author: MessageAuthor | null;
  content: string;
  createdAt: Date;
  /** For an assistant message, the user message it answers. */
  replyToId: string | null;
  metadata: Record<string, unknown>;
  status: ChatMessageStatus;
  /** Why our message could not be sent (status `failed`). */
  error: ParleyError | null;
  /** A finished reply's listings and filters (history gives it from the metadata). */
  reply: AssistantReply | null;
  /**
   * A user message: the newest run answering it (its `status` says whether the answer
   * failed or was stopped). An assistant message: the run that wrote it, when known.
   */
  run: Run | null;
}

export interface ChatSnapshot {
  /** Oldest first; each assistant reply right after the message it answers. */
  messages: readonly ChatMessage[];
  /** The newest run not finished (queued or running): what "Stop" stops. */
  activeRun: Run | null;
  /** The assistant is on an answer (or ours is on its way) and has not started writing. */
  thinking: boolean;
  /** The last complete assistant reply, when nothing is running: what "Regenerate" redoes. */
  regenerable: ChatMessage | null;
  /** Why the session ended (`session.ended`), else null. */
  ended: string | null;
  /** Who answers: the assistant, a person being asked for, or an agent (and who). */
  people: ChatPeople;
}

/**
 * The hand-off as the chat shows it: `waiting` after a person was asked for, `agent` once
 * one joined ("Aylin joined"), back to `assistant` when they handed back (`handedBack`
 * names them, for "Aylin handed you back to the assistant").
 */
export interface ChatPeople {
  mode: 'assistant' | 'waiting' | 'agent';
  agent: AgentRef | null;
  handedBack: AgentRef | null;
}

const RANK: Record<Run['status'], number> = {
  queued: 0,
  running: 1,
  completed: 2,
  failed: 2,
  cancelled: 2,
};

/** The reply an assistant message carries in its metadata (history has no separate reply). */
export function replyOfMessage(message: Message): AssistantReply | null {
  if (message.role !== 'assistant' || message.metadata.interrupted === true) return null;
  const meta = message.metadata as Partial<AssistantReply>;
  return {
    responseText: message.content,
    agent: meta.agent ?? 'rules',
    conversationId: message.conversationId,
    recommendations: meta.recommendations ?? [],
    appliedFilters: meta.appliedFilters ?? {},
    language: meta.language ?? 'en',
  };
}

function statusOfStored(message: Message): ChatMessageStatus {
  if (message.role !== 'assistant') return 'sent';
  return message.metadata.interrupted === true ? 'interrupted' : 'complete';
}

function isTerminal(run: Run): boolean {
  return RANK[run.status] === 2;
}

/**
 * The chat's state, built from sources that overlap: stored history, the event stream
 * (replayed from the start when a stream opens without an id) and the answers of
 * `sessions.send`/`retry`/`cancelRun`. Messages merge by id, ours by `clientMessageId`
 * (never by text); a run's status only moves forward. No I/O: `ChatStore` feeds it.
 */
export class ChatModel {
  private readonly entries = new Map<string, ChatMessage>();
  private readonly keyOfId = new Map<string, string>();
  private readonly runs = new Map<string, Run>();
  private ended: string | null = null;
  private people: ChatPeople = { mode: 'assistant', agent: null, handedBack: null };
  private cached: ChatSnapshot | null = null;

  constructor(private sessionId: string | null = null) {}

  /** The session whose `session.ended` ends this chat (other tabs' ends do not). */
  setSession(sessionId: string): void {
    this.sessionId = sessionId;
  }

  /** Our message, shown at once while it is sent. */
  addLocal(clientMessageId: string, content: string, at: Date): void {
    const existing = this.entries.get(clientMessageId);
    if (existing) {
      if (existing.id === null) this.put({ ...existing, status: 'sending', error: null });
      return;
    }
    this.put({
      key: clientMessageId,
      id: null,
      clientMessageId,
      role: 'user',
      author: null,
      content,
      createdAt: at,
      replyToId: null,
      metadata: {},
      status: 'sending',
      error: null,
      reply: null,
      run: null,
    });
  }

  /** A send that failed: the message stays, marked, until it is sent again. */
  markFailed(clientMessageId: string, error: unknown): void {
    const entry = this.entries.get(clientMessageId);
    if (!entry || entry.id !== null) return;
    this.put({ ...entry, status: 'failed', error: ParleyError.from(error) });
  }

  /** The content of one of our messages that is not stored, for sending it again. */
  unsent(clientMessageId: string): string | undefined {
    const entry = this.entries.get(clientMessageId);
    return entry && entry.id === null ? entry.content : undefined;
  }

  message(key: string): ChatMessage | undefined {
    return this.entries.get(this.keyOfId.get(key) ?? key);
  }

  applyMessages(messages: readonly Message[]): void {
    for (const message of messages) this.applyMessage(message);
  }

  applyMessage(message: Message, reply?: AssistantReply | null): void {
    const key =
      this.keyOfId.get(message.id) ??
      (message.clientMessageId && this.entries.has(message.clientMessageId)
        ? message.clientMessageId
        : message.id);
    const current = this.entries.get(key);
    this.keyOfId.set(message.id, key);
    const run = current?.run ?? null;
    this.put({
      key,
      id: message.id,
      clientMessageId: message.clientMessageId ?? current?.clientMessageId ?? null,
      role: message.role,
      author: message.author ?? current?.author ?? null,
      content: message.content,
      createdAt: message.createdAt,
      replyToId: message.replyToId ?? current?.replyToId ?? null,
      metadata: message.metadata,
      status: statusOfStored(message),
      error: null,
      reply: reply ?? current?.reply ?? replyOfMessage(message),
      run,
    });
  }

  applyRun(run: Run): void {
    const known = this.runs.get(run.id);
    if (known && RANK[known.status] > RANK[run.status]) return;
    this.runs.set(run.id, run);
    this.invalidate();
  }

  applySendResult(clientMessageId: string | null, result: SendResult): void {
    const { userMessage, run, assistantMessage, reply } = result;
    if (clientMessageId && !userMessage.clientMessageId) {
      this.applyMessage({ ...userMessage, clientMessageId });
    } else this.applyMessage(userMessage);
    if (run) this.applyRun(run);
    if (assistantMessage) this.applyMessage(assistantMessage, reply);
  }

  /** Applies one event of the conversation's stream; unknown kinds are ignored. */
  applyEvent(event: ConversationEvent): void {
    switch (event.type) {
      case 'message.created':
        this.applyMessage(event.message);
        break;
      case 'run.started':
        this.applyRun(event.run);
        break;
      case 'run.failed':
      case 'run.cancelled':
        this.applyRun(event.run);
        this.dropUnstored(event.run.id);
        break;
      case 'assistant.delta':
        this.applyDelta(event);
        break;
      case 'assistant.completed':
        if (event.run) this.applyRun(event.run);
        this.applyMessage(event.message, event.reply);
        break;
      // The stream replays from its start: each event sets the state, never adds to it.
      case 'handoff.requested':
        this.setPeople({ mode: 'waiting', agent: null, handedBack: null });
        break;
      case 'handoff.assigned':
        this.setPeople({ mode: 'agent', agent: event.agent, handedBack: null });
        break;
      case 'handoff.released':
        this.setPeople({ mode: event.to, agent: null, handedBack: event.agent });
        break;
      case 'session.ended':
        if (this.sessionId === null || event.sessionId === this.sessionId) {
          this.ended = event.reason;
          this.invalidate();
        }
        break;
      default:
      // typing, and kinds this version does not know (a newer server's).
    }
  }

  private setPeople(people: ChatPeople): void {
    this.people = people;
    this.invalidate();
  }

  private applyDelta(event: Extract<ConversationEvent, { type: 'assistant.delta' }>): void {
    const key = this.keyOfId.get(event.messageId) ?? event.messageId;
    const current = this.entries.get(key);
    if (current) {
      // Already stored (complete or interrupted): a late piece changes nothing.
      if (current.status !== 'streaming') return;
      const content = placePiece(current.content, event);
      if (content !== current.content) this.put({ ...current, content });
      return;
    }
    // Joined mid-reply: a piece after text this client never got waits for the catch-up
    // piece (offset 0) or the stored reply.
    if ((event.offset ?? 0) > 0) return;
    const run = event.runId ? (this.runs.get(event.runId) ?? null) : null;
    const question = event.clientMessageId ? this.entries.get(event.clientMessageId) : undefined;
    this.keyOfId.set(event.messageId, key);
    this.put({
      key,
      id: event.messageId,
      clientMessageId: null,
      role: 'assistant',
      author: null,
      content: event.delta,
      createdAt: new Date(),
      replyToId: run?.userMessageId ?? question?.id ?? null,
      metadata: {},
      status: 'streaming',
      error: null,
      reply: null,
      run,
    });
  }

  /** A run that failed wrote nothing that lasts: its streamed text goes. */
  private dropUnstored(runId: string): void {
    for (const [key, entry] of this.entries) {
      if (entry.status === 'streaming' && entry.run?.id === runId) {
        this.entries.delete(key);
        if (entry.id) this.keyOfId.delete(entry.id);
        this.invalidate();
      }
    }
  }

  private put(entry: ChatMessage): void {
    this.entries.set(entry.key, entry);
    this.invalidate();
  }

  private invalidate(): void {
    this.cached = null;
  }

  /** The same object until something changes (for `useSyncExternalStore`). */
  snapshot(): ChatSnapshot {
    if (this.cached) return this.cached;
    // The newest run of each question, and the run that wrote each streamed reply.
    const latestRun = new Map<string, Run>();
    let activeRun: Run | null = null;
    for (const run of this.runs.values()) {
      const seen = latestRun.get(run.userMessageId);
      if (!seen || run.createdAt.getTime() >= seen.createdAt.getTime())
        latestRun.set(run.userMessageId, run);
      if (!isTerminal(run) && (!activeRun || run.createdAt >= activeRun.createdAt)) activeRun = run;
    }
    const runOfMessage = new Map<string, Run>();
    for (const run of this.runs.values())
      if (run.assistantMessageId) runOfMessage.set(run.assistantMessageId, run);

    const all = [...this.entries.values()].map((entry) => {
      let run: Run | null = entry.run;
      if (entry.role === 'user' && entry.id) run = latestRun.get(entry.id) ?? null;
      else if (entry.role === 'assistant' && entry.id) {
        run = runOfMessage.get(entry.id) ?? (entry.run ? this.runs.get(entry.run.id) : null) ?? run;
      }
      const replyToId =
        entry.role === 'assistant'
          ? (entry.replyToId ?? run?.userMessageId ?? null)
          : entry.replyToId;
      return run === entry.run && replyToId === entry.replyToId
        ? entry
        : { ...entry, run, replyToId };
    });
    const messages = order(all);
    const streamingRuns = new Set(
      messages.filter((m) => m.status === 'streaming' && m.run).map((m) => m.run!.id),
    );
    const thinking =
      messages.some((m) => m.status === 'sending') ||
      (activeRun !== null && !streamingRuns.has(activeRun.id));
    let regenerable: ChatMessage | null = null;
    // Ours not stored yet (a refused one, say) do not hide the reply before them.
    const last = messages.findLast((m) => m.id !== null);
    if (!activeRun && last?.role === 'assistant' && last.status === 'complete' && last.replyToId)
      regenerable = last;
    this.cached = {
      messages,
      activeRun,
      thinking,
      regenerable,
      ended: this.ended,
      people: this.people,
    };
    return this.cached;
  }
}

function time(message: ChatMessage): number {
  return message.createdAt.getTime();
}

/**
 * Messages in time order, except that an assistant reply goes right after the message it
 * answers (after earlier replies to it; one still streaming last): a question another tab
 * asked while a reply was written does not split that reply from its question, live or
 * after a reload.
 */
function order(messages: ChatMessage[]): ChatMessage[] {
  const ids = new Set(messages.map((m) => m.id).filter((id): id is string => id !== null));
  const roots: ChatMessage[] = [];
  const replies = new Map<string, ChatMessage[]>();
  for (const message of messages) {
    const parent = message.role === 'assistant' ? message.replyToId : null;
    if (parent && ids.has(parent)) {
      const list = replies.get(parent) ?? [];
      list.push(message);
      replies.set(parent, list);
    } else roots.push(message);
  }
  // Ours not stored yet go last, in the order they were written.
  const stored = (m: ChatMessage) => (m.id === null ? 1 : 0);
  roots.sort((a, b) => stored(a) - stored(b) || time(a) - time(b));
  const streaming = (m: ChatMessage) => (m.status === 'streaming' ? 1 : 0);
  const out: ChatMessage[] = [];
  for (const root of roots) {
    out.push(root);
    const list = root.id ? replies.get(root.id) : undefined;
    if (list) out.push(...list.sort((a, b) => streaming(a) - streaming(b) || time(a) - time(b)));
  }
  return out;
}
