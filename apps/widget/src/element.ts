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
import { styles } from './styles';

export const TAG = 'parley-chat';

// Where this script came from: the Parley server, unless `server` says otherwise.
const scriptSrc = (document.currentScript as HTMLScriptElement | null)?.src;
const SCRIPT_ORIGIN = scriptSrc ? new URL(scriptSrc).origin : location.origin;

const STATUS: Record<ConnectionState, string> = {
  idle: '',
  connecting: 'connecting…',
  open: '',
  reconnecting: 'reconnecting…',
  closed: 'offline',
};
const TYPING_EVERY_MS = 3_000;

/** Events newer than part 1 of the contract (agents, runs), read without their types. */
type AnyEvent = SessionEvent | { type: string; [key: string]: unknown };

/**
 * `<parley-chat session-url="/parley-session">`: a chat with Parley's assistant on any
 * page. Replies stream in with listing cards; the connection resumes after a drop.
 * Attributes: `server` (default: where the script came from), `session-url` or
 * `session-id` + `client-secret`, `chat-title`, `placeholder`, `open`, `inline`.
 */
export class ParleyChatElement extends HTMLElement {
  private readonly root = this.attachShadow({ mode: 'open' });
  private client: ParleyClient | null = null;
  private chat: ParleyChat | null = null;
  private started = false;
  private readonly shown = new Set<string>();
  private readonly streaming = new Map<string, HTMLElement>();
  private ownTurns = 0;
  private deferred: AnyEvent[] = [];
  private typingSentAt = 0;
  private sessionId: string | null = null;
  // Built when first connected: a parser-created element has no attributes in its constructor.
  private ui!: ReturnType<ParleyChatElement['build']>;

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    this.ui ??= this.build();
    if (this.hasAttribute('open') || this.hasAttribute('inline')) this.toggle(true);
    void this.start();
  }

  disconnectedCallback(): void {
    void this.client?.close();
    this.client = null;
    this.started = false;
  }

  private get server(): string {
    return (this.getAttribute('server') ?? SCRIPT_ORIGIN).replace(/\/+$/, '');
  }

  private build() {
    const title = this.getAttribute('chat-title') ?? 'Chat with us';
    const launcher = h('button', { class: 'launcher', part: 'launcher', 'aria-label': title });
    launcher.append(chatIcon());
    const status = h('span', { class: 'status', part: 'status' });
    const close = h('button', { class: 'close', 'aria-label': 'Close chat' }, '×');
    // Hands the chat to a person: an agent joins this same conversation.
    const person = h(
      'button',
      { type: 'button', class: 'person', part: 'person-button' },
      this.getAttribute('person-label') ?? 'Talk to a person',
    );
    const log = h('ol', { class: 'log', part: 'log', 'aria-live': 'polite' });
    const typing = h(
      'div',
      { class: 'typing', 'aria-label': 'typing' },
      h('span'),
      h('span'),
      h('span'),
    );
    const input = h('textarea', {
      rows: '1',
      placeholder: this.getAttribute('placeholder') ?? 'Ask about homes to rent or buy…',
      'aria-label': 'Message',
    });
    const send = h('button', { type: 'submit' }, 'Send');
    const form = h('form', { part: 'form' }, input, send);
    const panel = h(
      'section',
      { class: 'panel', part: 'panel', role: 'dialog', 'aria-label': title },
      h('header', {}, h('span', { class: 'title' }, title), status, person, close),
      log,
      typing,
      form,
    );
    panel.hidden = true;
    typing.hidden = true;
    this.root.append(h('style', {}, styles), launcher, panel);
    if (this.hasAttribute('inline')) launcher.hidden = true;

    launcher.addEventListener('click', () => this.toggle(panel.hidden));
    close.addEventListener('click', () => this.toggle(false));
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
    input.addEventListener('input', () => this.noteTyping());
    return { launcher, panel, status, log, typing, input, send, person };
  }

  private toggle(open: boolean): void {
    this.ui.panel.hidden = !open;
    if (open) this.ui.input.focus();
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
      client.connection.subscribe((state) => {
        this.ui.status.textContent = STATUS[state];
      });
      // No lastEventId: the stream starts with the session's history, then goes live.
      const chat = await client.chat.open({ sessionId });
      this.chat = chat;
      chat.onEvent((event) => this.onEvent(event));
      this.setBusy(false);
    } catch (error) {
      this.note(`The chat is unavailable: ${(error as Error).message}`);
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
      this.note(`Could not ask for a person: ${(error as Error).message}`);
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
      case 'message.created':
        this.showStored((event as { message: Message }).message);
        break;
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
        const { actor, typing } = event as { actor: string; typing: boolean };
        if (actor !== 'user') this.ui.typing.hidden = !typing;
        break;
      }
      case 'handoff.requested': {
        // The listing asked about, if any, comes with the event, which the stream replays:
        // a reload names it again.
        const { listing } = (event as Extract<SessionEvent, { type: 'handoff.requested' }>).brief;
        this.ui.person.disabled = true;
        this.note(
          listing
            ? `You asked for a person about “${listing.title}”: an agent will join this chat`
            : 'You asked for a person: an agent will join this chat',
        );
        break;
      }
      case 'handoff.released':
        this.ui.person.disabled = false;
        this.note('The assistant is back');
        break;
      case 'handoff.assigned': {
        const { agent } = event as unknown as { agent: { name: string } };
        this.note(`${agent.name} joined the chat`);
        break;
      }
      case 'session.ended':
        // Another session of the conversation ending (the agent's, when they hand the chat
        // back) leaves this one open.
        if ((event as { sessionId?: string }).sessionId !== this.sessionId) break;
        this.note('This chat has ended');
        this.ui.input.disabled = true;
        this.setBusy(true);
        break;
    }
    this.scrollDown();
  }

  private showStored(message: Message, recommendations?: Listing[]): void {
    if (this.shown.has(message.id)) return;
    this.shown.add(message.id);
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
    if (listings?.length) bubble.append(listingCards(listings, this.server));
  }

  private submit(): void {
    const content = this.ui.input.value.trim();
    if (!content || !this.chat || this.ui.send.disabled) return;
    this.ui.input.value = '';
    this.typingSentAt = 0;
    void this.chat.typing(false).catch(() => {});
    void this.turn(this.chat, content);
  }

  /** One question from this page: shown at once, its reply streamed into place. */
  private async turn(chat: ParleyChat, content: string): Promise<void> {
    const question = this.bubble('user', content);
    question.classList.add('pending');
    this.ownTurns += 1;
    this.ui.typing.hidden = false;
    let answer: HTMLElement | null = null;
    try {
      for await (const piece of chat.send(content)) {
        if (piece.type === 'delta') {
          answer ??= this.bubble('assistant', '');
          this.ui.typing.hidden = true;
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
            answer.append(listingCards(piece.reply.recommendations, this.server));
        }
        this.scrollDown();
      }
      question.classList.remove('pending');
    } catch (error) {
      question.classList.replace('pending', 'failed');
      this.note(`Not sent: ${(error as Error).message}`);
    } finally {
      this.ownTurns -= 1;
      this.ui.typing.hidden = true;
      if (this.ownTurns === 0) {
        const held = this.deferred;
        this.deferred = [];
        for (const event of held) this.onEvent(event);
      }
      this.scrollDown();
    }
  }

  private noteTyping(): void {
    const now = Date.now();
    if (!this.chat || now - this.typingSentAt < TYPING_EVERY_MS) return;
    this.typingSentAt = now;
    void this.chat.typing(true).catch(() => {});
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
