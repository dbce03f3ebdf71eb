import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { type ComponentState, type RedisLink, worstState } from './redis';

export interface BusOptions {
  publisher: RedisLink | undefined;
  subscriber: RedisLink | undefined;
  keyPrefix: string;
  logger: Logger;
}

type Handler = (message: unknown) => void;
// What travels over Redis: the sender and a sequence number let a sender drop the Redis echo of
// a message it already delivered locally, so no local handler ever gets one message twice.
// One message is `m`; messages published together are `b`, delivered one by one, in order.
interface Envelope {
  o: string;
  s: number;
  m?: unknown;
  b?: unknown[];
}

/**
 * Pub/sub of JSON messages: through Redis across instances while Redis is up, in process
 * otherwise. Local handlers are refcounted per channel: Redis SUBSCRIBE happens once per channel
 * and UNSUBSCRIBE when its last local handler leaves.
 */
export class Bus {
  readonly #handlers = new Map<string, Set<Handler>>();
  // Channels Redis has acknowledged on the current subscriber connection.
  readonly #confirmed = new Set<string>();
  // Channels listened to while Redis was away: other instances' messages never came.
  readonly #missed = new Set<string>();
  readonly #onMissed = new Map<Handler, () => void>();
  // Messages delivered locally that may still come back from Redis.
  readonly #echoes = new LRUCache<number, true>({ max: 10_000, ttl: 60_000 });
  readonly #id = randomUUID();
  #seq = 0;

  constructor(private readonly options: BusOptions) {
    const { subscriber } = options;
    if (!subscriber) return;
    subscriber.client.on('message', (channel: string, raw: string) => this.#receive(channel, raw));
    subscriber.on('down', () => {
      this.#confirmed.clear();
      for (const channel of this.#handlers.keys()) this.#missed.add(channel);
    });
    subscriber.on('up', () => {
      for (const channel of this.#handlers.keys()) this.#redisSubscribe(channel);
    });
  }

  /** Resolves once the message is handed to Redis or delivered in process; never waits long. */
  publish<T>(channel: string, message: T): Promise<void> {
    return this.#publish(channel, message, false);
  }

  /**
   * Publishes messages that belong together as one: one Redis PUBLISH, and every handler gets
   * them one after another, in order, with nothing of the channel's in between.
   */
  publishAll<T>(channel: string, messages: readonly T[]): Promise<void> {
    if (messages.length === 0) return Promise.resolve();
    if (messages.length === 1) return this.#publish(channel, messages[0], false);
    return this.#publish(channel, messages, true);
  }

  async #publish(channel: string, payload: unknown, batch: boolean): Promise<void> {
    const json = JSON.stringify(payload);
    if (json === undefined) throw new TypeError(`bus message on ${channel} is not JSON`);
    const seq = ++this.#seq;
    const { publisher } = this.options;
    const envelope = `{"o":"${this.#id}","s":${seq},"${batch ? 'b' : 'm'}":${json}}`;
    // Read before sending: a subscription Redis acknowledged before it receives this PUBLISH is
    // sure to carry the message back to the local handlers.
    const confirmed = this.#confirmed.has(channel);
    // Otherwise the message is delivered here, and its echo from Redis (which can arrive even
    // before PUBLISH's own reply) is dropped.
    if (publisher && !confirmed) this.#echoes.set(seq, true);
    const sent = publisher
      ? await publisher.run((c) => c.publish(this.#channel(channel), envelope))
      : { ok: false };
    if (sent.ok && confirmed) return;
    // A failed or timed-out publish may still have reached Redis.
    if (publisher) this.#echoes.set(seq, true);
    if (!this.#handlers.has(channel)) return;
    const copy: unknown = JSON.parse(json);
    if (batch) for (const message of copy as unknown[]) this.#deliver(channel, message);
    else this.#deliver(channel, copy);
  }

  /**
   * Returns the function that removes this handler (safe to call more than once).
   * `onMissed` is called when the handler may have missed other instances' messages: Redis
   * was away while it listened, and Redis carries the channel again from now on. What was
   * missed is read from wherever it is kept (the messages themselves are gone).
   */
  subscribe<T>(channel: string, handler: (message: T) => void, onMissed?: () => void): () => void {
    // A wrapper per call, so subscribing the same function twice gives two independent handles.
    const entry: Handler = (message) => handler(message as T);
    if (onMissed) this.#onMissed.set(entry, onMissed);
    let handlers = this.#handlers.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.#handlers.set(channel, handlers);
      // Listening without Redis: until it carries the channel, only this instance's messages come.
      if (this.options.subscriber && !this.options.subscriber.ready) this.#missed.add(channel);
      this.#redisSubscribe(channel);
    }
    handlers.add(entry);
    const current = handlers;
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      current.delete(entry);
      this.#onMissed.delete(entry);
      if (current.size > 0 || this.#handlers.get(channel) !== current) return;
      this.#handlers.delete(channel);
      this.#missed.delete(channel);
      this.#redisUnsubscribe(channel);
    };
  }

  /** Local handlers: on one channel, or on all channels. */
  listenerCount(channel?: string): number {
    if (channel !== undefined) return this.#handlers.get(channel)?.size ?? 0;
    let total = 0;
    for (const handlers of this.#handlers.values()) total += handlers.size;
    return total;
  }

  state(): ComponentState {
    const { publisher, subscriber } = this.options;
    if (!publisher || !subscriber) return { backend: 'memory', redis: 'disabled' };
    const allConfirmed = [...this.#handlers.keys()].every((c) => this.#confirmed.has(c));
    const viaRedis = publisher.ready && subscriber.ready && allConfirmed;
    return {
      backend: viaRedis ? 'redis' : 'memory',
      redis: worstState(publisher.state, subscriber.state),
    };
  }

  #redisSubscribe(channel: string): void {
    const { subscriber } = this.options;
    if (!subscriber?.ready) return; // done on `up`
    subscriber.client.subscribe(this.#channel(channel)).then(
      () => {
        const handlers = this.#handlers.get(channel);
        if (!handlers) return;
        this.#confirmed.add(channel);
        if (this.#missed.delete(channel)) this.#caughtUp(channel, handlers);
      },
      (err: Error) => this.options.logger.debug({ channel, err: err.message }, 'subscribe failed'),
    );
  }

  #redisUnsubscribe(channel: string): void {
    // From here on Redis delivery is uncertain, so publishes on this channel go local too.
    this.#confirmed.delete(channel);
    const { subscriber } = this.options;
    if (!subscriber?.ready) return; // the subscription died with the connection
    subscriber.client
      .unsubscribe(this.#channel(channel))
      .catch((err: Error) =>
        this.options.logger.debug({ channel, err: err.message }, 'unsubscribe failed'),
      );
  }

  #receive(redisChannel: string, raw: string): void {
    const prefix = this.#channel('');
    if (!redisChannel.startsWith(prefix)) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(raw) as Envelope;
    } catch {
      return; // not ours
    }
    if (envelope.o === this.#id && this.#echoes.delete(envelope.s)) return;
    const channel = redisChannel.slice(prefix.length);
    if (Array.isArray(envelope.b))
      for (const message of envelope.b) this.#deliver(channel, message);
    else this.#deliver(channel, envelope.m);
  }

  #deliver(channel: string, message: unknown): void {
    const handlers = this.#handlers.get(channel);
    if (!handlers) return;
    // A copy, so handlers may unsubscribe while being called; one throwing handler must not
    // keep the message from the others.
    for (const handler of [...handlers]) {
      try {
        handler(message);
      } catch (err) {
        this.options.logger.error({ err, channel }, 'bus handler threw');
      }
    }
  }

  /** Redis carries `channel` again: its handlers read what they may have missed. */
  #caughtUp(channel: string, handlers: Set<Handler>): void {
    for (const handler of [...handlers]) {
      try {
        this.#onMissed.get(handler)?.();
      } catch (err) {
        this.options.logger.error({ err, channel }, 'bus handler threw');
      }
    }
  }

  #channel(channel: string): string {
    return `${this.options.keyPrefix}bus:${channel}`;
  }
}
