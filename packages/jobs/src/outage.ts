import { setTimeout as sleep } from 'node:timers/promises';
import type { Log } from './log';

// SQLSTATE classes and messages that mean "PostgreSQL is not there right now" (the same
// reading as @parley/db's isDatabaseUnavailable, which this package cannot depend on).
const UNAVAILABLE_CODES = /^(08|57P0[1-3]|53300|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT)/;
const UNAVAILABLE_MESSAGES =
  /(Connection terminated|not queryable|Connection is closed|ECONNREFUSED|ECONNRESET|EPIPE|timeout exceeded when trying to connect|the database system is (starting up|shutting down)|terminating connection)/i;

/** True when `error` (an Error, or graphile-worker's text of one) means PostgreSQL is gone. */
export function isConnectionLoss(error: unknown): boolean {
  if (typeof error === 'string') return UNAVAILABLE_MESSAGES.test(error);
  if (!error || typeof error !== 'object') return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && UNAVAILABLE_CODES.test(code)) return true;
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message);
}

/**
 * An error as a log line may carry it: its message and code (and stack, when asked: a
 * failed task's is worth reading; a lost connection's only shows pg's socket code). pg's
 * errors hold their client, kilobytes of connection state: never logged.
 */
export function brief(
  error: unknown,
  withStack = false,
): { message: string; code?: string; stack?: string } {
  if (!error || typeof error !== 'object') return { message: String(error) };
  const { code, message, stack } = error as { code?: unknown; message?: unknown; stack?: unknown };
  return {
    message: typeof message === 'string' ? message : String(error),
    ...(typeof code === 'string' ? { code } : {}),
    ...(withStack && typeof stack === 'string' ? { stack } : {}),
  };
}

/**
 * The database as this process sees it, said once each way: one warning when it becomes
 * unreachable, one line when it is back. During an outage every connection of every
 * runner fails, each in its own way and again on each retry; those failures are the
 * outage, already told, so they go to debug. A lost connection is checked with `probe`
 * at once (one connection ended by PostgreSQL is no outage), then every second until
 * the database answers again.
 */
export class DatabaseOutage {
  #since: number | undefined;
  #checking = false;
  #stopped = false;

  constructor(
    private readonly log: Log,
    private readonly probe: () => Promise<unknown>,
    private readonly probeEveryMs = 1_000,
  ) {}

  get down(): boolean {
    return this.#since !== undefined;
  }

  /** Takes `error` when it is a connection loss (answers true); leaves any other to the caller. */
  report(error: unknown, what: string): boolean {
    if (!isConnectionLoss(error)) return false;
    this.log.debug({ err: brief(error), component: 'jobs' }, what);
    if (!this.#checking && !this.#stopped) void this.#check(error);
    return true;
  }

  async #check(error: unknown): Promise<void> {
    this.#checking = true;
    try {
      const answers = await this.probe().then(
        () => true,
        () => false,
      );
      if (answers || this.#stopped) return;
      this.#since = Date.now();
      this.log.warn(
        { err: brief(error), component: 'database' },
        'database unreachable; retrying until it is back',
      );
      await this.#watch();
    } finally {
      this.#checking = false;
    }
  }

  async #watch(): Promise<void> {
    while (!this.#stopped) {
      await sleep(this.probeEveryMs);
      if (this.#stopped) return;
      try {
        await this.probe();
      } catch {
        continue;
      }
      const downMs = Date.now() - this.#since!;
      this.#since = undefined;
      this.log.info({ downMs, component: 'database' }, 'database is back');
      return;
    }
  }

  /** Shutting down: connections that end now are expected, and nothing more is watched. */
  stop(): void {
    this.#stopped = true;
  }
}
