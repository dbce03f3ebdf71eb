import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** How one component sees Redis: `disabled` means no `redisUrl` was configured. */
export type RedisState = 'ready' | 'connecting' | 'down' | 'disabled';
export type Backend = 'redis' | 'memory';
export interface ComponentState {
  backend: Backend;
  redis: RedisState;
}
export type RedisCheck =
  | { status: 'ok'; latencyMs: number }
  | { status: 'down'; error: string }
  | { status: 'disabled' };

export type RedisRole = 'command' | 'publisher' | 'subscriber';
export type RedisResult<T> = { ok: true; value: T } | { ok: false };

// A dead or hung Redis must cost a caller at most one of these, never an unbounded wait.
const COMMAND_TIMEOUT_MS = 500;
const CONNECT_TIMEOUT_MS = 1_000;
// Reconnect forever (Redis coming back must be picked up without a restart), at most 1 s apart.
const MAX_RETRY_DELAY_MS = 1_000;
const FAILED = { ok: false } as const;

/**
 * One ioredis connection for one role. It reconnects forever on its own; this wrapper turns
 * ioredis's many events into two transitions (`up`, `down`) and logs each transition once.
 */
export class RedisLink extends EventEmitter<{ up: []; down: [] }> {
  readonly client: Redis;
  #state: 'connecting' | 'ready' | 'down' = 'connecting';
  #lastError = '';
  #closing = false;

  constructor(
    url: string,
    readonly role: RedisRole,
    private readonly logger: Logger,
  ) {
    super();
    // The URL goes to ioredis as it is: it knows redis://, rediss://, auth and db numbers.
    this.client = new Redis(url, {
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectTimeout: CONNECT_TIMEOUT_MS,
      // Fail at once while disconnected (callers fall back) instead of queueing without bound.
      enableOfflineQueue: false,
      // Reject in-flight commands as soon as the connection drops, and never replay them later.
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      // The bus resubscribes itself on `up`, including channels added while Redis was away.
      autoResubscribe: false,
      retryStrategy: (attempt) => Math.min(attempt * 100, MAX_RETRY_DELAY_MS),
      // Commands issued in one turn of the event loop leave in one write: a search's rate
      // limit and cache lookup, or a miss's two stores, cost one syscall, not one each.
      enableAutoPipelining: role !== 'subscriber',
    });
    // Without an `error` listener ioredis prints every failed reconnect; we log transitions only.
    this.client.on('error', (err: Error) => {
      this.#lastError = err.message;
    });
    this.client.on('ready', () => this.#transition('ready'));
    this.client.on('close', () => this.#transition('down'));
  }

  get ready(): boolean {
    return this.client.status === 'ready';
  }

  get state(): RedisState {
    if (this.ready) return 'ready';
    return this.#state === 'connecting' ? 'connecting' : 'down';
  }

  /** Runs `op` if the connection is ready; any failure becomes `{ ok: false }` for the fallback. */
  async run<T>(op: (client: Redis) => Promise<T>): Promise<RedisResult<T>> {
    if (!this.ready) return FAILED;
    try {
      return { ok: true, value: await op(this.client) };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.logger.debug({ role: this.role, err: message }, 'redis command failed; using fallback');
      // A connection that stops answering is treated like a dropped one: reconnecting sends every
      // caller to the fallback at once instead of making each one wait for its own timeout.
      if (message.includes('timed out') && this.ready) this.client.disconnect(true);
      return FAILED;
    }
  }

  /** PING with a short deadline, for readiness probes. */
  async check(timeoutMs = 300): Promise<RedisCheck> {
    if (!this.ready) return { status: 'down', error: this.#lastError || this.client.status };
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no PONG within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.client.ping(), deadline]);
      return { status: 'ok', latencyMs: Math.round(performance.now() - started) };
    } catch (err) {
      return { status: 'down', error: err instanceof Error ? err.message : String(err) };
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    this.#closing = true;
    if (this.ready) {
      // QUIT lets Redis finish what it has; the deadline keeps shutdown from hanging on it.
      await Promise.race([this.client.quit().catch(() => {}), sleep(500)]);
    }
    this.client.disconnect();
  }

  #transition(next: 'ready' | 'down'): void {
    const previous = this.#state;
    if (previous === next) return;
    this.#state = next;
    if (!this.#closing) this.#log(previous, next);
    if (next === 'ready') this.#lastError = '';
    this.emit(next === 'ready' ? 'up' : 'down');
  }

  #log(previous: string, next: string): void {
    const fields = { role: this.role };
    if (next === 'ready') {
      this.logger.info(
        fields,
        previous === 'down' ? 'redis is back; using it again' : 'redis ready',
      );
      return;
    }
    const reason = { ...fields, reason: this.#lastError || 'connection closed' };
    if (previous === 'ready') {
      this.logger.warn(reason, 'redis connection lost; using in-process fallback until it returns');
    } else {
      this.logger.warn(reason, 'redis unavailable; using in-process fallback until it comes up');
    }
  }
}

/** State of a component that uses Redis whenever the link is ready (e.g. the rate limiter). */
export function directState(link: RedisLink | undefined): ComponentState {
  if (!link) return { backend: 'memory', redis: 'disabled' };
  return { backend: link.ready ? 'redis' : 'memory', redis: link.state };
}

/** The worst of several states, so a component reports `down` if any connection it needs is. */
export function worstState(...states: RedisState[]): RedisState {
  for (const s of ['down', 'connecting', 'disabled'] as const) if (states.includes(s)) return s;
  return 'ready';
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
