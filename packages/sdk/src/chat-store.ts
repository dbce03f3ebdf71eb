import type { ParleyChat, SessionEvent } from './chat';
import { randomId } from './chat';
import { type ChatMessage, ChatModel, type ChatSnapshot } from './chat-model';
import type { ParleyClient } from './client';
import { ParleyError } from './errors';
import type { Run, SearchFacts, SendResult, SessionMemory } from './generated/router';

/** What a chat screen draws: the messages and runs, plus the connection and memory. */
export interface ChatState extends ChatSnapshot {
  /**
   * `idle` before `start()`; `connecting` while the session and its stream open; `live`;
   * `offline` when the stream stopped for good (`reconnect()` opens it again); `closed`.
   */
  status: 'idle' | 'connecting' | 'live' | 'offline' | 'closed';
  /** Why opening or the stream failed, or the last stop/retry/memory call that failed. */
  error: ParleyError | null;
  sessionId: string | null;
  conversationId: string | null;
  /** True once the stored history is in (at once when there is none to read). */
  loaded: boolean;
  /**
   * What the assistant understood (`sessions.memory`), refreshed after every reply and
   * every correction (`memory.updated`, from this screen or another).
   */
  memory: SessionMemory | null;
}

export interface ChatStoreOptions {
  /**
   * The conversation to chat in: a session is opened on it (`sessions.create`), and a
   * new one when that session ends or expires. Leave both this and `sessionId` out to
   * start a new conversation.
   */
  conversationId?: string | null | undefined;
  /** Join this session instead (the widget flow), with its client secret if needed. */
  sessionId?: string | null | undefined;
  clientSecret?: string | null | undefined;
  /**
   * Read the stored messages with `conversations.messages` (needs a user or a key with
   * `conversations:read`). By default on for `conversationId`, off when joining a
   * session. The event stream replays the conversation either way; the history makes
   * `loaded` mean "everything stored is on screen".
   */
  history?: boolean | undefined;
  /** Every event of the conversation, after it was applied. */
  onEvent?: ((event: SessionEvent, id: string) => void) | undefined;
}

const HISTORY_PAGE = 100;

/**
 * The chat logic once, for any UI: a framework-free store over one conversation. It
 * opens a session and its event stream, shows our messages at once (matched to the
 * stored ones by `clientMessageId`), follows runs (`run.started`, `assistant.delta`,
 * `assistant.completed`, `run.failed`, `run.cancelled`), and sends, stops, retries and
 * regenerates. Other tabs' messages and runs arrive on the same stream.
 *
 * ```ts
 * const store = createChatStore(client, { conversationId });
 * store.subscribe(() => render(store.getState()));
 * await store.start();
 * store.send('2 bedroom flat in Kyrenia');
 * await store.cancel(); // "Stop": the running reply keeps what it wrote, `interrupted`
 * ```
 *
 * Actions never reject: a message that could not be sent is marked `failed` with its
 * error; a failed stop, retry or memory call sets `state.error`.
 */
export class ChatStore {
  private readonly model = new ChatModel();
  private readonly listeners = new Set<() => void>();
  private state: ChatState;
  private chat: ParleyChat | null = null;
  private opening: Promise<ParleyChat> | null = null;
  private detach: (() => void)[] = [];
  private started = false;
  private closed = false;
  private scheduled = false;
  private memoryAsked = 0;
  private holds = 0;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private fields: Omit<ChatState, keyof ChatSnapshot>;
  private conversationId: string | null;
  private lastSeen: string | null = null;

  constructor(
    private readonly client: ParleyClient,
    private readonly options: ChatStoreOptions = {},
  ) {
    this.conversationId = options.conversationId || null;
    this.fields = {
      status: 'idle',
      error: null,
      sessionId: options.sessionId || null,
      conversationId: this.conversationId,
      loaded: false,
      memory: null,
    };
    this.state = { ...this.model.snapshot(), ...this.fields };
  }

  /** The current state: the same object until something changes. */
  getState = (): ChatState => this.state;

  /** Calls `listener` after every change (changes in one tick are reported once). */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** The id of the last event received: where a stream resumes. */
  get lastEventId(): string | null {
    return this.lastSeen;
  }

  /** Opens the session and its stream, reads the history; resolves when the stream is live. */
  async start(): Promise<void> {
    if (this.started) {
      await this.session().catch(() => {});
      return;
    }
    this.started = true;
    const opened = this.session();
    const history = this.options.history ?? (!!this.conversationId && !this.options.sessionId);
    if (history && this.conversationId) void this.readHistory(this.conversationId);
    await opened.then(
      () => {
        if (!history) this.set({ loaded: true });
      },
      () => {},
    );
  }

  /**
   * Sends a message: it shows at once (`sending`), then as stored (`sent`), and its
   * answer streams in as an assistant message. Returns its `clientMessageId`.
   */
  send(content: string, options: { clientMessageId?: string | undefined } = {}): string {
    const clientMessageId = options.clientMessageId ?? randomId();
    this.model.addLocal(clientMessageId, content, new Date());
    this.changed();
    void this.deliver(clientMessageId, content);
    return clientMessageId;
  }

  /** Sends one of our `failed` messages again, with the same `clientMessageId`. */
  resend(clientMessageId: string): void {
    const content = this.model.unsent(clientMessageId);
    if (content === undefined) return;
    this.model.addLocal(clientMessageId, content, new Date());
    this.changed();
    void this.deliver(clientMessageId, content);
  }

  /** "Stop": cancels `runId`, by default the active run. Resolves with the run, or null. */
  async cancel(runId?: string): Promise<Run | null> {
    const id = runId ?? this.state.activeRun?.id;
    if (!id) return null;
    const run = await this.act((chat) => chat.cancel(id));
    if (run) {
      this.model.applyRun(run);
      this.changed();
    }
    return run;
  }

  /**
   * A new answer to the user message `messageId` (after a failure or a stop). Screens
   * retrying the same finished run ask for one new run, not one each.
   */
  async retry(messageId: string): Promise<Run | null> {
    const id = this.model.message(messageId)?.id ?? messageId;
    // The newest run answering it, as the screen shows it.
    const run = this.model.snapshot().messages.find((m) => m.id === id)?.run;
    const replaced = run && run.status !== 'queued' && run.status !== 'running' ? run.id : null;
    return this.answerAgain(id, replaced);
  }

  /**
   * Answers the last question again (`state.regenerable`); null when there is none.
   * Screens regenerating the same reply ask for one new run, not one each.
   */
  async regenerate(): Promise<Run | null> {
    const last = this.state.regenerable ?? this.model.snapshot().regenerable;
    if (!last?.replyToId) return null;
    return this.answerAgain(last.replyToId, last.id);
  }

  private async answerAgain(messageId: string, replacedId: string | null): Promise<Run | null> {
    const clientMessageId = replacedId && replacementId(replacedId);
    const result = await this.act((chat) =>
      chat.submitRetry(messageId, clientMessageId ? { clientMessageId } : {}),
    );
    return this.applied(result);
  }

  /** Corrects what the assistant understood; the next reply starts from `facts`. */
  async updateMemory(facts: SearchFacts): Promise<SessionMemory | null> {
    const memory = await this.act((chat) => chat.updateMemory(facts));
    if (memory) {
      this.memoryAsked += 1; // an older answer still on its way must not overwrite this
      this.set({ memory });
    }
    return memory;
  }

  /** Tells the other side whether the person is typing (errors are ignored). */
  async typing(typing: boolean): Promise<void> {
    const chat = this.chat;
    if (chat) await chat.typing(typing).catch(() => {});
  }

  /** After the stream stopped for good (`status: 'offline'`): opens it again. */
  async reconnect(): Promise<void> {
    await this.renew().catch(() => {});
  }

  /**
   * Keeps the store open while held (a React effect holds it); the last release closes
   * it a tick later, so an unmount followed at once by a mount (StrictMode) keeps it.
   */
  retain(): () => void {
    this.holds += 1;
    clearTimeout(this.closeTimer);
    void this.start();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds -= 1;
      if (this.holds === 0) this.closeTimer = setTimeout(() => void this.close(), 0);
    };
  }

  /** Stops listening (the session stays; `sessions.end` ends it). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const chat = this.chat;
    this.chat = null;
    for (const off of this.detach.splice(0)) off();
    this.set({ status: 'closed' });
    await chat?.close().catch(() => {});
    const opening = this.opening;
    if (opening) await opening.then((c) => c.close()).catch(() => {});
  }

  // --- internals ---

  private applied(result: SendResult | null): Run | null {
    if (!result) return null;
    this.model.applySendResult(null, result);
    this.changed();
    return result.run;
  }

  /** Runs a call with the session, opening a new one once when it ended or expired. */
  private async withSession<T>(call: (chat: ParleyChat) => Promise<T>): Promise<T> {
    const chat = await this.session();
    try {
      return await call(chat);
    } catch (error) {
      const e = ParleyError.from(error);
      if (e.code !== 'PRECONDITION_FAILED' || !this.conversationId || this.options.sessionId)
        throw e;
      return call(await this.renew());
    }
  }

  /** An action whose failure goes to `state.error`. */
  private async act<T>(call: (chat: ParleyChat) => Promise<T>): Promise<T | null> {
    try {
      const result = await this.withSession(call);
      if (this.fields.error) this.set({ error: null });
      return result;
    } catch (error) {
      this.set({ error: ParleyError.from(error) });
      return null;
    }
  }

  private async deliver(clientMessageId: string, content: string): Promise<void> {
    try {
      const result = await this.withSession((chat) => chat.submit(content, { clientMessageId }));
      this.model.applySendResult(clientMessageId, result);
    } catch (error) {
      this.model.markFailed(clientMessageId, error);
    }
    this.changed();
  }

  /** The open chat, opening it (again, after a failure) when there is none. */
  private session(): Promise<ParleyChat> {
    if (this.closed) {
      return Promise.reject(
        new ParleyError('This chat is closed', { code: 'CLIENT_CLOSED_REQUEST' }),
      );
    }
    if (this.chat) return Promise.resolve(this.chat);
    if (!this.opening) {
      const opening = this.open();
      this.opening = opening;
      const clear = () => {
        if (this.opening === opening) this.opening = null;
      };
      opening.then(clear, clear);
    }
    return this.opening;
  }

  /** A new session (or the same one joined again) in place of the current one. */
  private async renew(): Promise<ParleyChat> {
    const old = this.chat;
    this.chat = null;
    for (const off of this.detach.splice(0)) off();
    await old?.close().catch(() => {});
    return this.session();
  }

  private async open(): Promise<ParleyChat> {
    this.set({ status: 'connecting' });
    let chat: ParleyChat;
    try {
      const { sessionId, clientSecret } = this.options;
      chat = await this.client.chat.open(
        sessionId
          ? {
              sessionId,
              ...(clientSecret ? { clientSecret } : {}),
              // Joined again after a drop: resume where the last stream stopped.
              lastEventId: this.lastSeen,
            }
          : this.conversationId
            ? { conversationId: this.conversationId }
            : {},
      );
    } catch (error) {
      this.set({ status: 'offline', error: ParleyError.from(error) });
      throw error;
    }
    if (this.closed) {
      await chat.close();
      throw new ParleyError('This chat is closed', { code: 'CLIENT_CLOSED_REQUEST' });
    }
    this.chat = chat;
    this.conversationId = chat.conversationId;
    this.model.setSession(chat.sessionId);
    // Live before the listeners: a stream that ended with its start tells them at once.
    this.set({
      status: 'live',
      error: null,
      sessionId: chat.sessionId,
      conversationId: chat.conversationId,
    });
    this.detach.push(
      chat.onEvent((event, id) => {
        this.lastSeen = id;
        this.model.applyEvent(event);
        // Memory changes with a reply, or when a person corrects it on any screen. Read
        // anew rather than taken from the event: a replayed correction is an old one.
        if (event.type === 'assistant.completed' || event.type === 'memory.updated')
          void this.readMemory();
        this.changed();
        this.options.onEvent?.(event, id);
      }),
      chat.onStreamEnd((error) => {
        if (this.chat !== chat) return;
        this.set({ status: 'offline', error });
      }),
    );
    void this.readMemory();
    return chat;
  }

  private async readMemory(): Promise<void> {
    const chat = this.chat;
    if (!chat) return;
    const asked = ++this.memoryAsked;
    try {
      const memory = await chat.memory();
      if (asked === this.memoryAsked) this.set({ memory });
    } catch {
      // The memory is a hint on screen; the chat works without it.
    }
  }

  private async readHistory(conversationId: string): Promise<void> {
    try {
      let cursor: string | null | undefined;
      do {
        const page = await this.client.conversations.messages.query({
          conversationId,
          limit: HISTORY_PAGE,
          ...(cursor ? { cursor } : {}),
        });
        this.model.applyMessages(page.items);
        this.changed();
        cursor = page.nextCursor;
      } while (cursor && !this.closed);
      this.set({ loaded: true });
    } catch (error) {
      this.set({ loaded: true, error: ParleyError.from(error) });
    }
  }

  private set(fields: Partial<ChatState>): void {
    this.fields = { ...this.fields, ...fields };
    this.changed();
  }

  /** Builds the next state and tells the listeners, once per tick. */
  private changed(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.state = { ...this.model.snapshot(), ...this.fields };
      for (const listener of [...this.listeners]) {
        try {
          listener();
        } catch {
          // A listener's bug must not stop the others.
        }
      }
    });
  }
}

/** The state of a chat not started (and of `useChat` while it is disabled). */
export function idleChatState(): ChatState {
  return {
    ...new ChatModel().snapshot(),
    status: 'idle',
    error: null,
    sessionId: null,
    conversationId: null,
    loaded: false,
    memory: null,
  };
}

/** A store over one conversation; see `ChatStore`. Call `start()` (or `retain()`) to open it. */
export function createChatStore(client: ParleyClient, options: ChatStoreOptions = {}): ChatStore {
  return new ChatStore(client, options);
}

export type { ChatMessage };

/**
 * The `clientMessageId` of the answer that replaces `replacedId` (a run, or a reply): the
 * same on every screen of the conversation, so two tabs pressing Retry or Regenerate on one
 * answer make one run (`sessions.retry` is idempotent on it). Another UUID of the same
 * version: every hex digit but the version and variant digits is replaced by 15 minus
 * itself, so it never equals its source. Null for an id that is not a UUID.
 */
function replacementId(replacedId: string): string | null {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(replacedId)) {
    return null;
  }
  return [...replacedId.toLowerCase()]
    .map((c, i) =>
      c === '-' || i === 14 || i === 19 ? c : (15 - Number.parseInt(c, 16)).toString(16),
    )
    .join('');
}
