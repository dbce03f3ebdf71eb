export { createSequelize, type DatabaseOptions } from './connection';
export { type Database, type DatabaseConfig, openDatabase } from './database';
export { type EmbeddedDatabase, startEmbeddedPostgres } from './embedded';
export { isDatabaseUnavailable, isUniqueViolation } from './errors';
export { newId } from './ids';
export { migrate, pendingMigrations } from './migrate';
export * from './models';
export { withTransaction } from './transaction';
