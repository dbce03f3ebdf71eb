import type { Unsubscribable } from '@trpc/server/observable';
import type { ParleyClient } from './client';
import { ParleyError } from './errors';
import type {
  AssistantReply,
  Conversation,
  ConversationEvent,
  Message,
  Run,
  SearchFacts,
  SendResult,
  Session,
  SessionMemory,
} from './generated/router';
import { placePiece } from './pieces';

/** Another name for `ConversationEvent`, from when the session was the live unit. */
export type SessionEvent = ConversationEvent;

/** Start a chat in a new session (and a new conversation unless one is given). */
export interface ChatOpenOptions {
  /** Continue this conversation; by default a new one is created with the session. */
  conversationId?: string | undefined;
  /** Your own id for the person chatting (a CRM id, say), stored on the session. */
  endUserId?: string | undefined;
  sessionId?: never;
  clientSecret?: never;
  lastEventId?: never;
}

/** Join an existing session: the widget flow, or a page reload. */
export interface ChatJoinOptions {
  sessionId: string;
  /** The session's client secret (`cs_...`), when this client holds no credential for it. */
  clientSecret?: string | undefined;
  /** Replay events after this id; by default the server's own start point is used. */
  lastEventId?: string | null | undefined;
  conversationId?: never;
  endUserId?: never;
}

/**
 * What `chat.send()` yields: the reply's text as it is written (`delta`), then once the
 * reply is stored, the `reply` itself. Concatenated, the deltas equal
 * `reply.responseText` whenever the stream saw the whole reply; the `reply` is
 * authoritative.
 */
export type ChatPiece =
  | { type: 'delta'; text: string }
  | {
      type: 'reply';
      reply: AssistantReply;
      userMessage: Message;
      assistantMessage: Message;
      run: Run | null;
    }
  /**
   * The run ended without a reply: cancelled (what was written, if anything, is kept as
   * an assistant message marked `metadata.interrupted`) or failed (`run.error` says why;
   * `chat.retry(userMessage.id)` answers again).
   */
  | { type: 'stopped'; run: Run; userMessage: Message; assistantMessage: Message | null };

export interface ChatSendOptions {
  /** Defaults to a fresh UUID; pass your own to make a retried send idempotent. */
  clientMessageId?: string | undefined;
  signal?: AbortSignal | undefined;
}

export interface ParleyChat {
  readonly sessionId: string;
  readonly conversationId: string;
  readonly session: Session;
  /** Set when this chat created the conversation along with the session. */
  readonly conversation: Conversation | undefined;
  /** Set when this chat created the session: a server can hand it to a browser (widget flow). */
  readonly clientSecret: string | undefined;
  readonly clientSecretExpiresAt: Date | undefined;
  /** The id of the last event received; reopen with it to resume. */
  readonly lastEventId: string | null;
  /**
   * Sends a message and streams the answer:
   *
   * ```ts
   * for await (const piece of chat.send('2 bedroom flat in Kyrenia')) {
   *   if (piece.type === 'delta') process.stdout.write(piece.text);
   *   else console.log(piece.reply.recommendations);
   * }
   * ```
   */
  send(content: string, options?: ChatSendOptions): AsyncGenerator<ChatPiece, void, undefined>;
  /** Stops a run ("stop generating"); a finished run is returned as it is. */
  cancel(runId: string): Promise<Run>;
  /**
   * Answers the user message `messageId` again (after a failure, or to regenerate), with
   * the same pieces as `send`.
   */
  retry(messageId: string, options?: ChatSendOptions): AsyncGenerator<ChatPiece, void, undefined>;
  /**
   * Stores a message and returns as soon as it is (`sessions.send` with `wait: false`):
   * the answer comes as events (`run.started`, `assistant.delta`, ...). Without a stream
   * (transport `'http'`) it waits for the answer instead. What `createChatStore` uses.
   */
  submit(content: string, options?: ChatSendOptions): Promise<SendResult>;
  /** `sessions.retry` the same way: a new run answering `messageId`, not waited for. */
  submitRetry(messageId: string, options?: ChatSendOptions): Promise<SendResult>;
  /** The conversation's memory (`sessions.memory`): what the assistant understood. */
  memory(): Promise<SessionMemory>;
  /**
   * Corrects the memory (`conversations.updateMemory`; a signed-in user or a key with
   * `conversations:write`, not a client secret): the next reply starts from `facts`.
   */
  updateMemory(facts: SearchFacts): Promise<SessionMemory>;
  /** Whether the event stream is live (false without one, after it ended or failed). */
  readonly live: boolean;
  /**
   * Every event of the session (messages, deltas, typing, end); returns the unsubscribe.
   * A listener added as soon as `open()` resolves (before anything else is awaited) gets
   * every event from the stream's start, those that came with the start included.
   */
  onEvent(listener: (event: SessionEvent, id: string) => void): () => void;
  /**
   * Called once when the event stream stops by itself: with the error when it failed for
   * good (transient drops resume without it), `null` when it ended (`session.ended`).
   * Not called for `close()`.
   */
  onStreamEnd(listener: (error: ParleyError | null) => void): () => void;
  /** Tells the other side whether the person is typing. */
  typing(typing: boolean): Promise<void>;
  /** Stops listening (the session itself stays open; `sessions.end` ends it). */
  close(): Promise<void>;
}

export interface ChatApi {
  /**
   * `open()` / `open({ conversationId })` creates a session (`sessions.create`);
   * `open({ sessionId, clientSecret? })` joins one. Resolves once the event stream is live.
   */
  open(options?: ChatOpenOptions | ChatJoinOptions): Promise<ParleyChat>;
}

type TurnItem =
  | { kind: 'delta'; text: string }
  | { kind: 'result'; result: SendResult }
  | { kind: 'error'; error: unknown }
  | { kind: 'wake' };

/** A pull queue: push from callbacks, `await next()` from the generator. */
class Queue<T> {
  private readonly items: T[] = [];
  private waiting: ((item: T) => void) | null = null;

  push(item: T): void {
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = null;
      waiting(item);
    } else this.items.push(item);
  }

  next(): Promise<T> {
    const item = this.items.shift();
    if (item !== undefined) return Promise.resolve(item);
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }
}

interface Turn {
  /** Its reply's `assistant.delta` events carry this id. */
  clientMessageId: string;
  streamed: string;
  queue: Queue<TurnItem>;
}

/** After the reply is stored, how long to wait for the stream to deliver its last pieces. */
const COMPLETION_GRACE_MS = 2_000;
const REMEMBERED_COMPLETIONS = 100;

function missingSessionId(): ParleyError {
  return new ParleyError('chat.open: sessionId is missing (got an empty or undefined id)', {
    code: 'BAD_REQUEST',
    fieldErrors: { sessionId: ['is missing'] },
  });
}

/** A UUID v4; `randomUUID` itself is missing on plain-http pages (not a secure context). */
export function randomId(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

class Chat implements ParleyChat {
  lastEventId: string | null = null;
  private subscription: Unsubscribable | null = null;
  live = false;
  /** Whether this chat has an event stream at all (not with transport 'http'). */
  streams = false;
  private closed = false;
  private readonly turns = new Set<Turn>();
  private readonly completed = new Set<string>();
  private readonly listeners = new Set<(event: SessionEvent, id: string) => void>();
  /**
   * What the stream brought since it started, kept until a tick after it did: its start,
   * its first events (the replay) and even its end can come in one read of the socket, all
   * handled before `open()`'s caller resumes, so listeners it adds at once get them here.
   */
  private early: {
    events: { id: string; event: SessionEvent }[];
    ended?: { error: ParleyError | null };
  } | null = null;
  private readonly endListeners = new Set<(error: ParleyError | null) => void>();

  constructor(
    private readonly client: ParleyClient,
    readonly session: Session,
    readonly conversation: Conversation | undefined,
    readonly clientSecret: string | undefined,
    readonly clientSecretExpiresAt: Date | undefined,
    private readonly onClose: () => Promise<void>,
  ) {}

  get sessionId(): string {
    return this.session.id;
  }

  get conversationId(): string {
    return this.session.conversationId;
  }

  /** Subscribes to the session's events; resolves when the server has started the stream. */
  listen(lastEventId: string | null): Promise<void> {
    return new Promise((resolve, reject) => {
      let started = false;
      this.subscription = this.client.sessions.events.subscribe(
        { sessionId: this.sessionId, lastEventId },
        {
          onStarted: () => {
            if (!started) {
              // A timer runs only after the callers resumed by `resolve()` below.
              this.early = { events: [] };
              setTimeout(() => {
                this.early = null;
              }, 0);
            }
            started = true;
            this.live = true;
            resolve();
          },
          onData: ({ id, data }) => this.route(id, data),
          onError: (error) => {
            this.live = false;
            this.wake();
            if (!started) reject(ParleyError.from(error));
            else this.streamEnded(ParleyError.from(error));
          },
          onComplete: () => {
            this.live = false;
            this.wake();
            if (started) this.streamEnded(null);
          },
        },
      );
    });
  }

  private route(id: string, event: SessionEvent): void {
    this.lastEventId = id;
    this.early?.events.push({ id, event });
    for (const listener of [...this.listeners]) {
      try {
        listener(event, id);
      } catch {
        // A listener's bug must not stop the stream.
      }
    }
    switch (event.type) {
      case 'assistant.delta': {
        for (const turn of this.turns) {
          if (turn.clientMessageId === event.clientMessageId) {
            // Placed by offset: a catch-up piece sent for another tab repeats text held.
            const placed = placePiece(turn.streamed, event);
            if (placed.length > turn.streamed.length && placed.startsWith(turn.streamed)) {
              turn.queue.push({ kind: 'delta', text: placed.slice(turn.streamed.length) });
              turn.streamed = placed;
            }
          }
        }
        break;
      }
      case 'assistant.completed':
      case 'run.failed':
      case 'run.cancelled': {
        this.completed.add(event.run?.id ?? ('message' in event ? event.message.id : ''));
        if (this.completed.size > REMEMBERED_COMPLETIONS) {
          const [oldest] = this.completed;
          if (oldest !== undefined) this.completed.delete(oldest);
        }
        this.wake();
        break;
      }
      case 'session.ended':
        this.live = false;
        this.wake();
        break;
    }
  }

  private streamEnded(error: ParleyError | null): void {
    if (this.closed) return;
    if (this.early) this.early.ended = { error };
    for (const listener of [...this.endListeners]) {
      try {
        listener(error);
      } catch {
        // A listener's bug must not stop the others.
      }
    }
  }

  private wake(): void {
    for (const turn of this.turns) turn.queue.push({ kind: 'wake' });
  }

  send(content: string, options: ChatSendOptions = {}): AsyncGenerator<ChatPiece, void, undefined> {
    return this.turn(options, (clientMessageId) =>
      this.client.sessions.send.mutate(
        { sessionId: this.sessionId, content, clientMessageId },
        { signal: options.signal },
      ),
    );
  }

  retry(
    messageId: string,
    options: ChatSendOptions = {},
  ): AsyncGenerator<ChatPiece, void, undefined> {
    return this.turn(options, (clientMessageId) =>
      this.client.sessions.retry.mutate(
        { sessionId: this.sessionId, messageId, clientMessageId },
        { signal: options.signal },
      ),
    );
  }

  submit(content: string, options: ChatSendOptions = {}): Promise<SendResult> {
    return this.client.sessions.send.mutate(
      {
        sessionId: this.sessionId,
        content,
        clientMessageId: options.clientMessageId ?? randomId(),
        wait: !this.streams,
      },
      { signal: options.signal },
    );
  }

  submitRetry(messageId: string, options: ChatSendOptions = {}): Promise<SendResult> {
    return this.client.sessions.retry.mutate(
      {
        sessionId: this.sessionId,
        messageId,
        clientMessageId: options.clientMessageId ?? randomId(),
        wait: !this.streams,
      },
      { signal: options.signal },
    );
  }

  memory(): Promise<SessionMemory> {
    return this.client.sessions.memory.query({ sessionId: this.sessionId });
  }

  updateMemory(facts: SearchFacts): Promise<SessionMemory> {
    return this.client.conversations.updateMemory.mutate({
      conversationId: this.conversationId,
      facts,
    });
  }

  cancel(runId: string): Promise<Run> {
    return this.client.sessions.cancelRun.mutate({ sessionId: this.sessionId, runId });
  }

  private async *turn(
    options: ChatSendOptions,
    call: (clientMessageId: string) => Promise<SendResult>,
  ): AsyncGenerator<ChatPiece, void, undefined> {
    if (this.closed) {
      throw new ParleyError('This chat is closed', { code: 'CLIENT_CLOSED_REQUEST' });
    }
    const turn: Turn = {
      clientMessageId: options.clientMessageId ?? randomId(),
      streamed: '',
      queue: new Queue(),
    };
    this.turns.add(turn);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      call(turn.clientMessageId).then(
        (result) => turn.queue.push({ kind: 'result', result }),
        (error: unknown) => turn.queue.push({ kind: 'error', error }),
      );
      let result: SendResult | undefined;
      let graceOver = false;
      for (;;) {
        const item = await turn.queue.next();
        if (item.kind === 'error') throw ParleyError.from(item.error);
        if (item.kind === 'delta') yield { type: 'delta', text: item.text };
        if (item.kind === 'result') result = item.result;
        if (!result) continue;
        // The reply is stored; its last deltas may still be on their way over the stream.
        const key = result.run?.id ?? result.assistantMessage?.id ?? '';
        const streamDone = this.completed.has(key) || !this.live;
        if (streamDone || graceOver) break;
        timer ??= setTimeout(() => {
          graceOver = true;
          turn.queue.push({ kind: 'wake' });
        }, COMPLETION_GRACE_MS);
      }
      if (!result.reply || !result.assistantMessage || result.run?.status !== 'completed') {
        if (result.run) {
          yield {
            type: 'stopped',
            run: result.run,
            userMessage: result.userMessage,
            assistantMessage: result.assistantMessage,
          };
        }
        return;
      }
      // Pieces the stream missed (a reconnect, or no stream at all): the rest of the text.
      const full = result.reply.responseText;
      if (full.length > turn.streamed.length && full.startsWith(turn.streamed)) {
        yield { type: 'delta', text: full.slice(turn.streamed.length) };
      }
      yield {
        type: 'reply',
        reply: result.reply,
        userMessage: result.userMessage,
        assistantMessage: result.assistantMessage,
        run: result.run,
      };
    } finally {
      clearTimeout(timer);
      this.turns.delete(turn);
    }
  }

  onEvent(listener: (event: SessionEvent, id: string) => void): () => void {
    this.listeners.add(listener);
    // Added as soon as `open()` resolved: first what came with the stream's start.
    for (const { id, event } of [...(this.early?.events ?? [])]) {
      try {
        listener(event, id);
      } catch {
        // A listener's bug must not stop the stream.
      }
    }
    return () => {
      this.listeners.delete(listener);
    };
  }

  onStreamEnd(listener: (error: ParleyError | null) => void): () => void {
    this.endListeners.add(listener);
    // Added as soon as `open()` resolved, after a stream that ended with its start.
    const ended = this.early?.ended;
    if (ended) {
      try {
        listener(ended.error);
      } catch {
        // A listener's bug must not stop the others.
      }
    }
    return () => {
      this.endListeners.delete(listener);
    };
  }

  async typing(typing: boolean): Promise<void> {
    await this.client.sessions.typing.mutate({ sessionId: this.sessionId, typing });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.live = false;
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.wake();
    await this.onClose();
  }
}

export interface ChatApiDeps {
  client: () => ParleyClient;
  /** False for transport 'http': chats then get each reply whole, without a stream. */
  streaming: boolean;
  withClientSecret: (clientSecret: string) => ParleyClient;
}

export function createChatApi(deps: ChatApiDeps): {
  api: ChatApi;
  closeAll: () => Promise<void>;
} {
  const chats = new Set<Chat>();
  const api: ChatApi = {
    async open(options = {}) {
      const joining = 'sessionId' in options;
      if (joining && (typeof options.sessionId !== 'string' || options.sessionId.trim() === '')) {
        throw missingSessionId();
      }
      const own =
        joining && options.clientSecret ? deps.withClientSecret(options.clientSecret) : null;
      const client = own ?? deps.client();
      try {
        let chat: Chat;
        const onClose = async () => {
          chats.delete(chat);
          await own?.close();
        };
        if (joining) {
          const session = await client.sessions.get.query({ id: options.sessionId as string });
          chat = new Chat(client, session, undefined, options.clientSecret, undefined, onClose);
        } else {
          const created = await client.sessions.create.mutate({
            ...(options.conversationId !== undefined
              ? { conversationId: options.conversationId }
              : {}),
            ...(options.endUserId !== undefined ? { endUserId: options.endUserId } : {}),
          });
          chat = new Chat(
            client,
            created.session,
            created.conversation,
            created.clientSecret,
            created.clientSecretExpiresAt,
            onClose,
          );
        }
        if (deps.streaming) {
          chat.streams = true;
          await chat.listen(joining ? (options.lastEventId ?? null) : null);
        }
        chats.add(chat);
        return chat;
      } catch (error) {
        await own?.close();
        throw ParleyError.from(error);
      }
    },
  };
  return {
    api,
    async closeAll() {
      await Promise.all([...chats].map((chat) => chat.close()));
    },
  };
}
