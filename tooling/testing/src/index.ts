export { createTestDatabase, type TestDatabase } from './database';
export { importEmbeddedPostgres } from './embedded-postgres';
export {
  type Handler as FakeOpenAiHandler,
  type RecordedRequest,
  sendChunk,
  sendText,
  sendTextSlowly,
  sendToolCall,
  startFakeOpenAi,
  startSse,
} from './fake-openai';
export { pngBomb, solidPng } from './png';
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
export {
  type ProxiedConnection,
  startTcpProxy,
  type TcpProxy,
  type TcpProxyHooks,
} from './tcp-proxy';
