export { createTestDatabase, type TestDatabase } from './database';
export { importEmbeddedPostgres } from './embedded-postgres';
export { freePort } from './ports';
export { type RedisProcess, startRedisProcess } from './processes';
export {
  hasChromium,
  hasRedis,
  hasRedisServer,
  isCI,
  requireEnv,
  testKeyPrefix,
  testRedisUrl,
} from './services';
