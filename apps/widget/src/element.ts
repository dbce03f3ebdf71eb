import {
  type AssistantReply,
  type ConnectionState,
  createParleyClient,
  type Listing,
  type Message,
  type ParleyChat,
  type ParleyClient,
  placePiece,
  type SessionEvent,
} from '@parley/sdk';
import { listingCards } from './cards';
import { WidgetCredentials } from './credentials';
import { chatIcon, h } from './dom';
import { type Format, type Language, languageFor, makeFormat, type Texts } from './i18n';
import { styles } from './styles';

export const TAG = 'parley-chat';

// Where this script came from: the Parley server, unless `server` says otherwise.
const scriptSrc = (document.currentScript as HTMLScriptElement | null)?.src;
const SCRIPT_ORIGIN = scriptSrc ? new URL(scriptSrc).origin : location.origin;

const STATUS: Record<ConnectionState, 'connecting' | 'reconnecting' | 'offline' | null> = {
  idle: null,
  connecting: 'connecting',
  open: null,
  reconnecting: 'reconnecting',
  closed: 'offline',
};
/**
 * How long "Aylin is typing…" stays without news: typing events are live only (never
 * replayed, one may be lost while the stream joins), so a `true` whose `false` never came
 * must not say so for good.
 */
export const PERSON_TYPING_MS = 6_000;
/** After this long without a keystroke the visitor is no longer typing. */
export const TYPING_IDLE_MS = 3_000;
/** While the visitor keeps typing, `true` is said again at most this often (not a call per key). */
export const TYPING_REPEAT_MS = 4_000;

/** A v4 UUID (a message's clientMessageId); randomUUID needs a secure context, this does not. */
function uuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Events newer than part 1 of the contract (agents, runs), read without their types. */
type AnyEvent = SessionEvent | { type: string; [key: string]: unknown };

/**
 * `<parley-chat session-url="/parley-session">`: a chat with Parley's assistant on any
 * page. Replies stream in with listing cards; the connection resumes after a drop.
 * Attributes: `server` (default: where the script came from), `session-url` or
 * `session-id` + `client-secret`, `chat-title`, `placeholder`, `open`, `inline`, `lang`.
 */
export class ParleyChatElement extends HTMLElement {
  static readonly observedAttributes = ['lang'];

  private readonly root = this.attachShadow({ mode: 'open' });
  private client: ParleyClient | null = null;
  private chat: ParleyChat | null = null;
  private started = false;
  private readonly onResize = () => this.fitInput();
  private readonly shown = new Set<string>();
  /** The clientMessageIds of the messages this page sent. */
  private readonly own = new Set<string>();
  private readonly streaming = new Map<string, HTMLElement>();
  private ownTurns = 0;
  private deferred: AnyEvent[] = [];
  private sessionId: string | null = null;
  private format: Format = makeFormat('en');
  private language: Language = 'en';
  private connection: ConnectionState = 'idle';
  /** The agent holding the chat (from the stream's handoff events), or null. */
  private agent: string | null = null;
  private agentTyping: string | null = null;
  private agentTypingTimer: ReturnType<typeof setTimeout> | undefined;
  private assistantTyping = false;
  /** The visitor's own typing, as last told to the agent. */
  private typingOn = false;
  private typingSentAt = 0;
  private typingIdle: ReturnType<typeof setTimeout> | undefined;
  // Built when first connected: a parser-created element has no attributes in its constructor.
  private ui!: ReturnType<ParleyChatElement['build']>;

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    this.ui ??= this.build();
    this.localize();
    addEventListener('resize', this.onResize);
    if (this.hasAttribute('open') || this.hasAttribute('inline')) this.toggle(true);
    void this.start();
  }

  disconnectedCallback(): void {
    removeEventListener('resize', this.onResize);
    this.stopTyping();
    this.setAgentTyping(null);
    void this.client?.close();
    this.client = null;
    this.started = false;
  }

  attributeChangedCallback(): void {
    if (this.ui) this.localize();
  }

  private get t(): Texts {
    return this.format.texts;
  }

  private get server(): string {
    return (this.getAttribute('server') ?? SCRIPT_ORIGIN).replace(/\/+$/, '');
  }

  private build() {
    const launcher = h('button', {
      class: 'launcher',
      part: 'launcher',
      'aria-expanded': 'false',
      'aria-controls': 'parley-panel',
    });
    launcher.append(chatIcon());
    const title = h('span', { class: 'title' });
    const status = h('span', { class: 'status', part: 'status' });
    const close = h('button', { class: 'close' }, '×');
    // Hands the chat to a person: an agent joins this same conversation.
    const person = h('button', { type: 'button', class: 'person', part: 'person-button' });
    const log = h('ol', { class: 'log', part: 'log', 'aria-live': 'polite' });
    // The assistant's dots, or "Aylin is typing…" while the agent holding the chat types.
    const who = h('span', { class: 'who', part: 'typing' });
    const typing = h(
      'div',
      { class: 'typing', role: 'status' },
      h('span', { class: 'dot', 'aria-hidden': 'true' }),
      h('span', { class: 'dot', 'aria-hidden': 'true' }),
      h('span', { class: 'dot', 'aria-hidden': 'true' }),
      who,
    );
    const input = h('textarea', { rows: '1' });
    const send = h('button', { type: 'submit' });
    const form = h('form', { part: 'form' }, input, send);
    const panel = h(
      'section',
      { class: 'panel', part: 'panel', role: 'dialog', id: 'parley-panel' },
      h('header', {}, title, status, person, close),
      log,
      typing,
      form,
    );
    panel.hidden = true;
    typing.hidden = true;
    this.root.append(h('style', {}, styles), launcher, panel);
    if (this.hasAttribute('inline')) launcher.hidden = true;

    launcher.addEventListener('click', () => this.toggle(panel.hidden));
    close.addEventListener('click', () => this.toggle(false, true));
    // Escape closes the floating panel and gives the focus back to the launcher.
    panel.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || event.isComposing || this.hasAttribute('inline')) return;
      event.preventDefault();
      this.toggle(false, true);
    });
    person.addEventListener('click', () => void this.askForPerson());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.submit();
      }
    });
    input.addEventListener('input', () => {
      this.fitInput();
      this.noteTyping();
    });
    return { launcher, panel, title, close, status, log, typing, who, input, send, person };
  }

  /** Every text of the frame in the widget's language (`lang`, the page's, the browser's). */
  private localize(): void {
    this.language = languageFor(this);
    this.format = makeFormat(this.language);
    const { t, ui } = this;
    // Said in the language shown, even when the page around it is in another.
    ui.launcher.lang = ui.panel.lang = this.language;
    const title = this.getAttribute('chat-title') ?? t.title;
    ui.launcher.setAttribute('aria-label', title);
    ui.panel.setAttribute('aria-label', title);
    ui.title.textContent = title;
    ui.close.setAttribute('aria-label', t.close);
    ui.person.textContent = this.getAttribute('person-label') ?? t.person;
    ui.input.setAttribute('aria-label', t.message);
    ui.send.textContent = t.send;
    this.showConnection(this.connection);
    this.setPlaceholder();
    this.renderTyping();
  }

  /** The integrator's (or the default) question, or "Write to Aylin…" while an agent holds the chat. */
  private setPlaceholder(): void {
    this.ui.input.placeholder = this.agent
      ? this.t.writeTo(this.agent)
      : (this.getAttribute('placeholder') ?? this.t.placeholder);
    this.fitInput();
  }

  /**
   * The box grows with what is written, and with its placeholder while empty (a narrow
   * phone wraps a long one), up to its max-height.
   */
  private fitInput(): void {
    const input = this.ui.input;
    if (this.ui.panel.hidden) return;
    const empty = input.value === '';
    // An empty box is measured with its placeholder as its text.
    if (empty) input.value = input.placeholder;
    input.style.height = 'auto';
    const border = input.offsetHeight - input.clientHeight;
    input.style.height = `${input.scrollHeight + border}px`;
    if (empty) input.value = '';
  }

  private showConnection(state: ConnectionState): void {
    this.connection = state;
    const key = STATUS[state];
    this.ui.status.textContent = key ? this.t[key] : '';
  }

  private toggle(open: boolean, refocus = false): void {
    this.ui.panel.hidden = !open;
    this.ui.launcher.setAttribute('aria-expanded', String(open));
    if (open) {
      this.fitInput();
      this.ui.input.focus();
    } else if (refocus && !this.ui.launcher.hidden) this.ui.launcher.focus();
  }

  private async start(): Promise<void> {
    this.setBusy(true);
    try {
      const credentials = new WidgetCredentials({
        sessionUrl: this.getAttribute('session-url'),
        fixed:
          this.getAttribute('session-id') && this.getAttribute('client-secret')
            ? {
                sessionId: this.getAttribute('session-id') ?? '',
                clientSecret: this.getAttribute('client-secret') ?? '',
              }
            : null,
      });
      const { sessionId } = await credentials.current();
      this.sessionId = sessionId;
      const client = createParleyClient({
        url: this.server,
        getToken: () => credentials.secret(),
      });
      this.client = client;
      client.connection.subscribe((state) => this.showConnection(state));
      // No lastEventId: the stream starts with the session's history, then goes live.
      const chat = await client.chat.open({ sessionId });
      this.chat = chat;
      chat.onEvent((event) => this.onEvent(event));
      this.setBusy(false);
    } catch (error) {
      this.note(this.t.unavailable + (error as Error).message);
    }
  }

  private setBusy(busy: boolean): void {
    this.ui.send.disabled = busy;
    this.ui.person.disabled = busy;
  }

  /** `sessions.requestAgent`: the conversation waits in the agents' inbox. */
  private async askForPerson(): Promise<void> {
    if (!this.client || !this.sessionId || this.ui.person.disabled) return;
    this.ui.person.disabled = true;
    try {
      await this.client.sessions.requestAgent.mutate({ sessionId: this.sessionId });
    } catch (error) {
      this.ui.person.disabled = false;
      this.note(this.t.couldNotAsk + (error as Error).message);
    }
  }

  private onEvent(event: AnyEvent): void {
    // While this page waits for its own reply, stored messages are held back: the reply
    // names its messages, so none is shown twice.
    if (
      this.ownTurns > 0 &&
      (event.type === 'message.created' || event.type === 'assistant.completed')
    ) {
      this.deferred.push(event);
      return;
    }
    switch (event.type) {
      case 'message.created': {
        const { message } = event as { message: Message };
        // Their message is what they were typing.
        if ((message.role as string) === 'agent') this.setAgentTyping(null);
        this.showStored(message);
        break;
      }
      case 'assistant.completed': {
        const { message, reply } = event as { message: Message; reply: AssistantReply };
        this.showStored(message, reply.recommendations);
        break;
      }
      case 'assistant.delta': {
        const piece = event as { messageId: string; delta: string; offset?: number };
        if (this.ownTurns > 0 || this.shown.has(piece.messageId)) break;
        const held = this.streaming.get(piece.messageId);
        // Joined mid-reply: a piece after text never received waits for the catch-up.
        if (!held && (piece.offset ?? 0) > 0) break;
        const bubble = held ?? this.bubble('assistant', '');
        this.streaming.set(piece.messageId, bubble);
        const node = bubble.querySelector('.text');
        if (node) node.textContent = placePiece(node.textContent ?? '', piece);
        break;
      }
      case 'typing': {
        const { actor, typing, name } = event as { actor: string; typing: boolean; name?: string };
        if (actor === 'agent') this.setAgentTyping(typing ? name || this.agent || '…' : null);
        else if (actor === 'assistant') {
          this.assistantTyping = typing;
          this.renderTyping();
        }
        break;
      }
      case 'handoff.requested': {
        // The listing asked about, if any, comes with the event, which the stream replays:
        // a reload names it again.
        const { listing } = (event as Extract<SessionEvent, { type: 'handoff.requested' }>).brief;
        this.ui.person.disabled = true;
        this.note(listing ? this.t.askedAbout(listing.title) : this.t.asked);
        break;
      }
      case 'handoff.released':
        this.ui.person.disabled = false;
        this.setAgent(null);
        this.note(this.t.back);
        break;
      case 'handoff.assigned': {
        const { agent } = event as unknown as { agent: { name: string } };
        this.setAgent(agent.name);
        this.note(this.t.joined(agent.name));
        break;
      }
      case 'session.ended':
        // Another session of the conversation ending (the agent's, when they hand the chat
        // back) leaves this one open.
        if ((event as { sessionId?: string }).sessionId !== this.sessionId) break;
        this.note(this.t.ended);
        this.stopTyping();
        this.setAgent(null);
        this.ui.input.disabled = true;
        this.setBusy(true);
        break;
    }
    this.scrollDown();
  }

  private showStored(message: Message, recommendations?: Listing[]): void {
    if (this.shown.has(message.id)) return;
    this.shown.add(message.id);
    // Written on this page, so already on it (also when its send never said which it was:
    // an agent took the chat while the assistant was asked).
    const clientId = (message as { clientMessageId?: string | null }).clientMessageId;
    if (message.role === 'user' && clientId && this.own.has(clientId)) return;
    const role = message.role as string;
    const author = (message as { author?: { name: string } | null }).author;
    const bubble =
      this.streaming.get(message.id) ??
      this.bubble(
        role === 'user' ? 'user' : 'assistant',
        '',
        role === 'agent' ? author?.name : undefined,
      );
    this.streaming.delete(message.id);
    this.setText(bubble, message.content);
    const listings =
      recommendations ?? (message.metadata as { recommendations?: Listing[] }).recommendations;
    if (listings?.length) bubble.append(listingCards(listings, this.server, this.format));
  }

  private submit(): void {
    const content = this.ui.input.value.trim();
    if (!content || !this.chat || this.ui.send.disabled) return;
    this.ui.input.value = '';
    this.fitInput();
    this.stopTyping();
    void (this.agent ? this.toPerson(this.chat, content) : this.turn(this.chat, content));
  }

  /** A message while a person holds the chat: stored and shown, no reply to wait for. */
  private async toPerson(chat: ParleyChat, content: string): Promise<void> {
    const clientMessageId = uuid();
    this.own.add(clientMessageId);
    const question = this.bubble('user', content);
    question.classList.add('pending');
    this.ownTurns += 1;
    try {
      this.shown.add((await chat.submit(content, { clientMessageId })).userMessage.id);
      question.classList.remove('pending');
    } catch (error) {
      question.classList.replace('pending', 'failed');
      this.note(this.t.notSent + (error as Error).message);
    } finally {
      this.endTurn();
    }
  }

  /** One question from this page: shown at once, its reply streamed into place. */
  private async turn(chat: ParleyChat, content: string): Promise<void> {
    const clientMessageId = uuid();
    this.own.add(clientMessageId);
    const question = this.bubble('user', content);
    question.classList.add('pending');
    this.ownTurns += 1;
    this.setAssistantTyping(true);
    let answer: HTMLElement | null = null;
    try {
      for await (const piece of chat.send(content, { clientMessageId })) {
        if (piece.type === 'delta') {
          answer ??= this.bubble('assistant', '');
          this.setAssistantTyping(false);
          this.appendText(answer, piece.text);
        } else if (piece.type === 'stopped') {
          // Cancelled or failed: what was written (if anything) stays as it is.
          this.shown.add(piece.userMessage.id);
          if (piece.assistantMessage) this.shown.add(piece.assistantMessage.id);
        } else {
          this.shown.add(piece.userMessage.id);
          this.shown.add(piece.assistantMessage.id);
          answer ??= this.bubble('assistant', '');
          this.setText(answer, piece.reply.responseText);
          if (piece.reply.recommendations.length)
            answer.append(listingCards(piece.reply.recommendations, this.server, this.format));
        }
        this.scrollDown();
      }
      question.classList.remove('pending');
    } catch (error) {
      question.classList.replace('pending', 'failed');
      this.note(this.t.notSent + (error as Error).message);
    } finally {
      this.setAssistantTyping(false);
      this.endTurn();
    }
  }

  /** The events held back while this page waited for its own messages, now shown. */
  private endTurn(): void {
    this.ownTurns -= 1;
    if (this.ownTurns === 0) {
      const held = this.deferred;
      this.deferred = [];
      for (const event of held) this.onEvent(event);
    }
    this.scrollDown();
  }

  private setAssistantTyping(typing: boolean): void {
    this.assistantTyping = typing;
    this.renderTyping();
  }

  private setAgent(name: string | null): void {
    this.agent = name;
    if (!name) {
      this.setAgentTyping(null);
      this.stopTyping();
    }
    this.setPlaceholder();
  }

  /** "Aylin is typing…" until they stop, send, or say nothing for PERSON_TYPING_MS. */
  private setAgentTyping(name: string | null): void {
    clearTimeout(this.agentTypingTimer);
    this.agentTypingTimer =
      name === null ? undefined : setTimeout(() => this.setAgentTyping(null), PERSON_TYPING_MS);
    this.agentTyping = name;
    this.renderTyping();
  }

  private renderTyping(): void {
    const { typing, who } = this.ui;
    const person = this.agentTyping;
    typing.hidden = person === null && !this.assistantTyping;
    typing.classList.toggle('person', person !== null);
    // The assistant's dots say nothing on screen; a screen reader hears who writes.
    who.textContent = person !== null ? this.t.typing(person) : this.t.working;
    who.classList.toggle('unseen', person === null);
  }

  /**
   * Tells the agent holding the chat whether the visitor is typing (`sessions.typing`):
   * `true` when typing starts (again at most every TYPING_REPEAT_MS while it goes on),
   * `false` after TYPING_IDLE_MS without a key, when the box is emptied, or on send.
   * Nothing while the assistant has the chat: it does not need it.
   */
  private noteTyping(): void {
    if (!this.chat || !this.agent) return;
    if (this.ui.input.value.trim() === '') {
      this.stopTyping();
      return;
    }
    clearTimeout(this.typingIdle);
    this.typingIdle = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
    const now = Date.now();
    if (this.typingOn && now - this.typingSentAt < TYPING_REPEAT_MS) return;
    this.typingOn = true;
    this.typingSentAt = now;
    void this.chat.typing(true).catch(() => {});
  }

  private stopTyping(): void {
    clearTimeout(this.typingIdle);
    this.typingIdle = undefined;
    if (!this.typingOn) return;
    this.typingOn = false;
    this.typingSentAt = 0;
    void this.chat?.typing(false).catch(() => {});
  }

  private bubble(role: 'user' | 'assistant', text: string, author?: string): HTMLElement {
    const item = h(
      'li',
      { class: `msg ${role}`, part: `message ${role}` },
      ...(author ? [h('span', { class: 'author' }, author)] : []),
      h('div', { class: 'text' }, text),
    );
    this.ui.log.append(item);
    this.scrollDown();
    return item;
  }

  private appendText(bubble: HTMLElement, text: string): void {
    const node = bubble.querySelector('.text');
    if (node) node.textContent += text;
  }

  private setText(bubble: HTMLElement, text: string): void {
    const node = bubble.querySelector('.text');
    if (node) node.textContent = text;
  }

  private note(text: string): void {
    this.ui.log.append(h('li', { class: 'note', role: 'status' }, text));
    this.scrollDown();
  }

  private scrollDown(): void {
    this.ui.log.scrollTop = this.ui.log.scrollHeight;
  }
}
