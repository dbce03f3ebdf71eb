export { createSequelize, type DatabaseOptions } from './connection';
export { type Database, type DatabaseConfig, openDatabase } from './database';
export { type EmbeddedDatabase, startEmbeddedPostgres } from './embedded';
export { isDatabaseUnavailable, isUniqueViolation } from './errors';
export { newId } from './ids';
export { type ListingChangeWatcher, watchListingChanges } from './listings-changes';
export { migrate, pendingMigrations } from './migrate';
export * from './models';
export { type PreparedStatement, prepared, runPrepared } from './prepared';
export * from './seed';
export {
  type RoleChange,
  RoleChangeRefused,
  type RoleRefusal,
  setUserRole,
} from './staff/roles';
export { isTransactionConflict, withTransaction } from './transaction';
