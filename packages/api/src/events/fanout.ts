import type { ConversationEvent } from '@parley/validators';
import superjson, { type SuperJSONResult } from 'superjson';
import type { ApiServices, Connection } from '../context';
import { tagOf, withTag } from '../wire';
import { type BusEvent, conversationChannel } from './protocol';
import type { EventQueue } from './queue';

/*
 * Live delivery of a conversation's events to its WebSocket subscribers, one serialisation
 * per event per instance.
 *
 * tRPC's adapter costs about 55 µs per subscriber per event (an iterator step raced with an
 * abort promise, superjson and JSON.stringify, one send each): 5,000 subscribers of one
 * conversation wait a quarter of a second for each typing flag. So a `sessions.events` stream
 * that is caught up (backlog replayed, nothing queued) hands its live delivery to this
 * per-instance registry: one bus handler per conversation builds each event's frame once and
 * writes it, with each subscription's JSON-RPC id, to every socket. Everything else stays
 * in the stream's generator (stream.ts), which takes delivery back whenever the fast path
 * cannot do exactly what it would: a gap in the sequence, a credential re-check, a socket
 * that fell behind, the end of its session. SSE and in-process callers never go live here.
 *
 * The generator does not know its JSON-RPC subscription id; only tRPC's adapter does, and
 * the one place Parley sees it is the WebSocket encoder, which gets every outgoing response
 * whole. So the events a stream yields before it has gone live carry a tag (wire.ts
 * `withTag`, invisible to serialisation) naming their subscriber, and `fanoutEncoder`,
 * seeing a tagged event go out, tells that subscriber its id. No extra frame, no parsing of
 * the client's messages, nothing that depends on the adapter's internal call order: a
 * stream whose events never went out through tRPC simply stays on tRPC's path.
 */

/** What the fast path needs of a WebSocket (a `ws` WebSocket has it). */
export interface LiveSocket {
  readonly readyState: number;
  readonly bufferedAmount: number;
  send(data: string): void;
  once(event: 'close', listener: () => void): unknown;
  off(event: 'close', listener: () => void): unknown;
}

const OPEN = 1;

/**
 * A subscriber whose socket holds this much unsent data has fallen behind: its stream ends
 * with TOO_MANY_REQUESTS and the client resumes with lastEventId, instead of the server
 * buffering without bound for a client that does not read.
 */
export const MAX_BUFFERED_BYTES = 1024 * 1024;

/** What a stream's generator takes from its queue. */
export type StreamItem =
  | BusEvent
  | { kind: 'recheck' }
  /** The socket fell behind while live. */
  | { kind: 'behind' }
  /** The stream's session.ended went out live: the stream is over. */
  | { kind: 'ended' }
  /** Redis was away: other instances' events may be missing; read them from the log. */
  | { kind: 'resync' };

const socketsOf = new WeakMap<Connection, LiveSocket>();

/** The WebSocket server names the socket behind a connection, so its streams can go live. */
export function attachSocket(connection: Connection, socket: LiveSocket): void {
  socketsOf.set(connection, socket);
}

/**
 * Runs `onClose` when the socket behind `connection` closes (at once if it already has);
 * returns what unregisters it. Nothing happens for a connection without a socket (SSE:
 * its call's abort signal ends it).
 */
export function onSocketClose(connection: Connection | null, onClose: () => void): () => void {
  const socket = connection && socketsOf.get(connection);
  if (!socket) return () => {};
  if (socket.readyState > OPEN) {
    onClose();
    return () => {};
  }
  socket.once('close', onClose);
  return () => socket.off('close', onClose);
}

// The bus hands every local handler the same payload object: decode it once per instance.
const decodedEvents = new WeakMap<object, ConversationEvent>();
export function decoded(payload: SuperJSONResult): ConversationEvent {
  let event = decodedEvents.get(payload);
  if (!event) {
    event = superjson.deserialize<ConversationEvent>(payload);
    decodedEvents.set(payload, event);
  }
  return event;
}

const EMPTY_ID = '{"json":{"id":""';

/**
 * What `superjson.serialize({ id: '', data: event })` gives as JSON after `EMPTY_ID`,
 * made from the event's own superjson form (`payload`, as stored and published) without
 * walking the event again: its json goes under `data`, and every path of its meta gains
 * the `data.` prefix. A meta of another shape (referential equalities) takes the long way.
 */
function afterIdOf(payload: SuperJSONResult): string {
  const data = JSON.stringify(payload.json);
  const meta = payload.meta;
  if (!meta) return `,"data":${data}}}`;
  const { values, v, ...other } = meta;
  if (Object.keys(other).length > 0 || !values || Array.isArray(values)) {
    const json = JSON.stringify(superjson.serialize({ id: '', data: decoded(payload) }));
    if (!json.startsWith(EMPTY_ID)) throw new Error('unexpected superjson layout');
    return json.slice(EMPTY_ID.length);
  }
  const prefixed: Record<string, unknown> = {};
  for (const [path, tree] of Object.entries(values)) prefixed[`data.${path}`] = tree;
  const wrapped = v === undefined ? { values: prefixed } : { values: prefixed, v };
  return `,"data":${data}},"meta":${JSON.stringify(wrapped)}}`;
}

/** An event's `type`, read from its superjson form (strings are stored as they are). */
function typeOf(payload: SuperJSONResult): unknown {
  const json = payload.json as { type?: unknown } | null;
  return json?.type;
}

/**
 * One event's frame body, serialised once: what tRPC sends for `tracked(id, event)` after
 * the subscription id. Only the event id varies between subscribers (an ephemeral event's
 * id counts from the subscriber's last durable event), and the last one is reused.
 */
class Frame {
  readonly #afterId: string;
  #eventId: string | undefined;
  #body = '';

  constructor(readonly payload: SuperJSONResult) {
    this.#afterId = afterIdOf(payload);
  }

  /** The event itself, decoded only for the rare check that needs it. */
  get event(): ConversationEvent {
    return decoded(this.payload);
  }

  /** `result.data` and `result.id` of the response, up to the end of the frame. */
  body(eventId: string): string {
    if (eventId !== this.#eventId) {
      const id = JSON.stringify(eventId);
      this.#body = `{"json":{"id":${id}${this.#afterId},"id":${id}}}`;
      this.#eventId = eventId;
    }
    return this.#body;
  }
}

/** One `sessions.events` stream as the fan-out sees it. Its fields are shared with the generator. */
export class Subscriber {
  /** True while the fan-out writes this stream's events itself; false: into `queue`. */
  live = false;
  /** The last durable event delivered, and ephemeral events since (their ids count them). */
  lastSeq: number;
  ephemeralCount = 0;
  // Everything of a data frame before its body, with this subscription's JSON-RPC id.
  #head: string | undefined;

  constructor(
    readonly queue: EventQueue<StreamItem>,
    readonly signal: AbortSignal,
    readonly socket: LiveSocket | undefined,
    lastSeq: number,
    readonly leave: () => void,
    /** Whether an event ends this stream (its session's end). */
    readonly endsOn: (event: ConversationEvent) => boolean,
  ) {
    this.lastSeq = lastSeq;
  }

  /** Before it is live, an event yielded on a socket carries this subscriber as its tag. */
  tag<T extends object>(event: T): T {
    return this.socket && !this.#head ? withTag({ ...event }, this) : event;
  }

  /** Called by the encoder when a tagged event goes out: the response's `id` and `jsonrpc`. */
  bind(id: unknown, jsonrpc: unknown): void {
    if (typeof id !== 'number' && typeof id !== 'string') return;
    const version = jsonrpc === undefined ? '' : `,"jsonrpc":${JSON.stringify(jsonrpc)}`;
    this.#head = `{"id":${JSON.stringify(id)}${version},"result":{"type":"data","data":`;
  }

  /**
   * Goes live if it can: on a socket, id known, nothing left for the generator to send.
   * Called by the generator when all it yielded has gone out (it is about to wait).
   */
  goLiveIfIdle(): void {
    this.live =
      this.socket !== undefined &&
      this.#head !== undefined &&
      this.queue.size === 0 &&
      !this.signal.aborted;
  }

  /** Events queue up for the generator again (it re-checks the credential meanwhile). */
  pause(): void {
    this.live = false;
  }

  /** Whether the socket holds more unsent data than a subscriber may. */
  behind(): boolean {
    return (this.socket?.bufferedAmount ?? 0) > MAX_BUFFERED_BYTES;
  }

  /** Writes one bus message live, or hands it back to the generator when it must decide. */
  deliver(message: BusEvent, frame: Frame): void {
    const socket = this.socket!;
    // tRPC is ending this stream (stop, close): its generator is on its way out.
    if (this.signal.aborted || socket.readyState !== OPEN) return;
    if (this.behind()) {
      this.#handBack({ kind: 'behind' });
      return;
    }
    let eventId: string;
    if (message.kind === 'durable') {
      if (message.seq <= this.lastSeq) return;
      if (message.seq !== this.lastSeq + 1) {
        // A gap (a lost bus message): the generator fills it from the database, in order.
        this.#handBack(message);
        return;
      }
      this.lastSeq = message.seq;
      this.ephemeralCount = 0;
      eventId = String(message.seq);
    } else {
      this.ephemeralCount += 1;
      eventId = `${this.lastSeq}:${this.ephemeralCount}`;
    }
    socket.send(this.#head + frame.body(eventId));
    if (typeOf(frame.payload) === 'session.ended' && this.endsOn(frame.event)) {
      this.#handBack({ kind: 'ended' });
    }
  }

  #handBack(item: StreamItem): void {
    this.live = false;
    this.queue.push(item);
  }
}

/** A conversation's subscribers on this instance, behind one bus handler. */
export class ConversationFanout {
  readonly subscribers = new Set<Subscriber>();
  readonly stopListening: () => void;

  constructor(services: ApiServices, conversationId: string) {
    this.stopListening = services.infra.bus.subscribe<BusEvent>(
      conversationChannel(conversationId),
      (message) => this.#dispatch(message),
      () => this.#resync(),
    );
  }

  /**
   * Redis carries the conversation again after an outage: what other instances published
   * meanwhile never came, and its next event may be long in coming. Every stream reads
   * what it missed from the log now (each generator decides, so the fan-out pauses).
   */
  #resync(): void {
    for (const subscriber of this.subscribers) {
      subscriber.live = false;
      subscriber.queue.push({ kind: 'resync' });
    }
  }

  #dispatch(message: BusEvent): void {
    let frame: Frame | undefined;
    for (const subscriber of this.subscribers) {
      if (!subscriber.live) {
        subscriber.queue.push(message);
        continue;
      }
      frame ??= new Frame(message.event);
      subscriber.deliver(message, frame);
    }
  }
}

/**
 * Adds a stream to its conversation's fan-out. From now on every event of the conversation
 * reaches `queue` (or, once live, the socket); `leave` must be called when the stream ends.
 */
export function joinFanout(
  services: ApiServices,
  conversationId: string,
  stream: {
    queue: EventQueue<StreamItem>;
    signal: AbortSignal;
    connection: Connection | null;
    lastSeq: number;
    endsOn: (event: ConversationEvent) => boolean;
  },
): Subscriber {
  const conversations = services.instance.fanouts;
  let fanout = conversations.get(conversationId);
  if (!fanout) {
    fanout = new ConversationFanout(services, conversationId);
    conversations.set(conversationId, fanout);
  }
  const joined = fanout;
  const socket = stream.connection ? socketsOf.get(stream.connection) : undefined;
  let left = false;
  const leave = () => {
    if (left) return;
    left = true;
    subscriber.live = false;
    joined.subscribers.delete(subscriber);
    if (joined.subscribers.size > 0 || conversations.get(conversationId) !== joined) return;
    conversations.delete(conversationId);
    joined.stopListening();
  };
  const subscriber = new Subscriber(
    stream.queue,
    stream.signal,
    socket,
    stream.lastSeq,
    leave,
    stream.endsOn,
  );
  joined.subscribers.add(subscriber);
  return subscriber;
}

/**
 * tRPC's JSON encoding of WebSocket messages, plus the hand-off: a tagged event going out
 * tells its subscriber the subscription id it was sent under.
 */
export const fanoutEncoder = {
  encode(message: unknown): string {
    const result = (message as { result?: { data?: unknown } } | null)?.result;
    const subscriber = tagOf(result?.data);
    if (subscriber instanceof Subscriber) {
      const { id, jsonrpc } = message as { id?: unknown; jsonrpc?: unknown };
      subscriber.bind(id, jsonrpc);
    }
    return JSON.stringify(message);
  },
  decode(data: string | ArrayBuffer | Uint8Array): unknown {
    if (typeof data !== 'string') {
      throw new Error('Binary WebSocket messages are not supported: tRPC uses text frames');
    }
    return JSON.parse(data);
  },
};
