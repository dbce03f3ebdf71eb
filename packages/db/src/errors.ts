import {
  ConnectionAcquireTimeoutError,
  ConnectionError,
  DatabaseError,
  UniqueConstraintError,
} from 'sequelize';

// SQLSTATE classes that mean "PostgreSQL is not there right now", not "your query is wrong".
const UNAVAILABLE_CODES = /^(08|57P0[1-3]|53300)/;
const UNAVAILABLE_MESSAGES =
  /(Connection terminated|not queryable|Connection is closed|ECONNREFUSED|ECONNRESET|EPIPE|timeout exceeded when trying to connect|Query read timeout|the database system is (starting up|shutting down)|terminating connection)/i;

/** True when an error means PostgreSQL is unreachable, so the request may succeed later. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof ConnectionError || error instanceof ConnectionAcquireTimeoutError)
    return true;
  const parent = (error as { parent?: { code?: string; message?: string } } | null)?.parent;
  const code = parent?.code ?? (error as { code?: string } | null)?.code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.test(code)) return true;
  if (error instanceof DatabaseError || error instanceof Error) {
    return UNAVAILABLE_MESSAGES.test(parent?.message ?? (error as Error).message);
  }
  return false;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof UniqueConstraintError)) return false;
  if (!constraint) return true;
  const name = (error.parent as { constraint?: string } | undefined)?.constraint;
  return name === constraint;
}
