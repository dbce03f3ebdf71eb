import type { QueryResult } from 'pg';
import type { Sequelize, Transaction } from 'sequelize';

/**
 * A statement on the hot path of every chat turn, run on `pg` directly as a named prepared
 * statement: PostgreSQL parses and plans it once per connection instead of on every call
 * (planning was ~40% of PostgreSQL's time per turn), and Node skips Sequelize's per-query
 * wrapper. Rows come back exactly as `sequelize.query(..., { type: SELECT })` gives them
 * (the same connection, the same type parsers); errors become the same Sequelize errors
 * (`isUniqueViolation`, `isDatabaseUnavailable` and transaction retries work unchanged);
 * Sequelize's `logging`, when set, sees each statement.
 *
 * One name, one text: `pg` refuses a name reused with another text on a connection.
 */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

export function prepared(name: string, text: string): PreparedStatement {
  return { name: `parley_${name}`, text };
}

/** What `pg`'s client offers and Sequelize's connection manager hands out. */
interface PgConnection {
  query(config: { name: string; text: string; values: unknown[] }): Promise<QueryResult>;
}

interface SequelizeInternals {
  options: { logging?: false | ((sql: string) => void) };
  connectionManager: {
    getConnection(options: { type: 'write' }): Promise<PgConnection>;
    releaseConnection(connection: PgConnection): Promise<void>;
  };
  dialect: {
    Query: new (
      connection: PgConnection,
      sequelize: Sequelize,
      options: Record<string, unknown>,
    ) => { formatError(error: unknown): Error };
  };
}

/** Runs `statement` with `values`, in `transaction` when given; resolves with its rows. */
export async function runPrepared<T>(
  sequelize: Sequelize,
  statement: PreparedStatement,
  values: unknown[],
  transaction?: Transaction | null,
): Promise<T[]> {
  const internals = sequelize as unknown as SequelizeInternals;
  const { logging } = internals.options;
  if (typeof logging === 'function') logging(`Executing (${statement.name}): ${statement.text}`);
  const inTransaction = (transaction as unknown as { connection?: PgConnection } | null)
    ?.connection;
  const connection =
    inTransaction ?? (await internals.connectionManager.getConnection({ type: 'write' }));
  try {
    const result = await connection.query({ ...statement, values });
    return result.rows as T[];
  } catch (error) {
    // Sequelize's own translation, so callers see the errors they always have.
    const query = new internals.dialect.Query(connection, sequelize, { logging: false });
    if ((error as { code?: string }).code === 'ECONNRESET') {
      (connection as { _invalid?: boolean })._invalid = true;
    }
    throw query.formatError(error);
  } finally {
    if (!inTransaction) await internals.connectionManager.releaseConnection(connection);
  }
}
