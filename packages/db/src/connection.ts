import pg from 'pg';
import { Sequelize } from 'sequelize';

export interface DatabaseOptions {
  url: string;
  /** Largest number of pooled connections. */
  poolMax?: number;
  /** Log each SQL statement (debug only). */
  logSql?: (sql: string) => void;
}

type PgConnection = {
  _invalid?: boolean;
  _ending?: boolean;
  _ended?: boolean;
  _queryable?: boolean;
};

/**
 * Sequelize only drops a pooled connection that emitted 'error'; one that PostgreSQL
 * closed quietly (a restart) is "not queryable" and must not be handed out either.
 */
function isUsable(connection: unknown): boolean {
  const c = connection as PgConnection;
  return !c._invalid && !c._ending && !c._ended && c._queryable !== false;
}

/** Every statement is ended by PostgreSQL after this long (`statement_timeout`). */
const STATEMENT_TIMEOUT_MS = 15_000;
/** ...and given up by the client a little later, should PostgreSQL not answer at all. */
const READ_TIMEOUT_MS = STATEMENT_TIMEOUT_MS + 2_000;
const READ_TIMEOUT_MESSAGE = 'Query read timeout';
const RAISES_STATEMENT_TIMEOUT = /^\s*SET\s+LOCAL\s+statement_timeout\b/i;
const ENDS_TRANSACTION = /^\s*(COMMIT|ROLLBACK)\b/i;

/**
 * `pg`'s client, listening for its own loss from the moment it exists. Sequelize puts its
 * listener on a new connection only once its connect promise settles; PostgreSQL shutting
 * down (a restart) as the connection becomes ready sends "ready" and "terminating" in one
 * read, and `pg` reports the second as an `error` event in between: with nobody listening,
 * an uncaught exception that ended the process. Marked invalid, the connection is never
 * handed out (`isUsable`); the connect that made it fails on its first statement.
 */
class ListenedClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => {
      (this as PgConnection)._invalid = true;
    });
  }

  /**
   * A PostgreSQL that stops answering (hung, or a network that drops packets silently)
   * would hold a statement, and the request waiting on it, until it wakes. `pg` gives up
   * reading after `query_timeout` (the server's own statement timeout and a margin), and
   * the connection is then closed and never reused: what was sent on it may still be
   * running, and its answer would otherwise be read as the next statement's. A
   * transaction that raises its statement timeout for bulk work (`SET LOCAL
   * statement_timeout`) is read without that limit until it ends.
   */
  // biome-ignore lint/suspicious/noExplicitAny: pg's overloads, passed through as they are
  override query(...args: any[]): any {
    const text = typeof args[0] === 'string' ? args[0] : args[0]?.text;
    const parameters = (this as unknown as { connectionParameters: { query_timeout?: number } })
      .connectionParameters;
    if (typeof text === 'string') {
      if (RAISES_STATEMENT_TIMEOUT.test(text)) parameters.query_timeout = undefined;
      else if (ENDS_TRANSACTION.test(text)) parameters.query_timeout = READ_TIMEOUT_MS;
    }
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      args[last] = (error: Error | null, result: unknown) => {
        if (error?.message === READ_TIMEOUT_MESSAGE) this.#abandon();
        callback(error, result);
      };
      return super.query(...(args as Parameters<pg.Client['query']>));
    }
    const result: unknown = super.query(...(args as Parameters<pg.Client['query']>));
    return result instanceof Promise
      ? result.catch((error: Error) => {
          if (error?.message === READ_TIMEOUT_MESSAGE) this.#abandon();
          throw error;
        })
      : result;
  }

  #abandon(): void {
    (this as PgConnection)._invalid = true;
    (
      this as unknown as { connection: { stream: { destroy(): void } } }
    ).connection.stream.destroy();
  }
}

// The `pg` module as Sequelize loads it, with that client; everything else inherited (a
// copy would evaluate `pg.native`, which tries to load the optional native driver).
const pgWithListenedClient = Object.create(pg, { Client: { value: ListenedClient } });

/**
 * A Sequelize instance whose every wait is bounded: connecting, acquiring a pooled
 * connection and a single statement. With PostgreSQL down a request fails in under
 * 3 s instead of hanging, and the pool discards dead connections so it recovers by
 * itself once PostgreSQL is back.
 */
export function createSequelize({ url, poolMax = 10, logSql }: DatabaseOptions): Sequelize {
  return new Sequelize(url, {
    dialect: 'postgres',
    dialectModule: pgWithListenedClient,
    logging: logSql ?? false,
    benchmark: false,
    pool: {
      max: poolMax,
      min: 0,
      acquire: 2_500,
      // A connection is kept for minutes, not seconds: one opened in a burst costs its
      // backend's start and the first planning of every prepared statement on it (10-40 ms
      // each, measured), and closing it after 10 s idle made every burst pay that again.
      idle: 300_000,
      evict: 5_000,
      validate: isUsable,
    },
    // No silent retries: the caller decides, and a retry would stretch the 3 s bound.
    retry: { max: 0 },
    dialectOptions: {
      connectionTimeoutMillis: 2_000,
      // Keep long queries from holding the pool forever; bulk jobs raise it per session.
      statement_timeout: STATEMENT_TIMEOUT_MS,
      query_timeout: READ_TIMEOUT_MS,
      idle_in_transaction_session_timeout: 30_000,
      keepAlive: true,
      application_name: 'parley',
    },
    define: { underscored: true, timestamps: true },
  });
}
