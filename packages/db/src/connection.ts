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
      statement_timeout: 15_000,
      idle_in_transaction_session_timeout: 30_000,
      keepAlive: true,
      application_name: 'parley',
    },
    define: { underscored: true, timestamps: true },
  });
}
