export { Bus } from './bus';
export { Cache, parseCached } from './cache';
export { createInfra, type Infra, type InfraHealth, type InfraOptions } from './infra';
export { createLogger, type Logger, type LoggerConfig, REDACT_PATHS } from './logger';
export { PRESENCE_TTL_MS, Presence } from './presence';
export type { RateLimiter, RateLimitOptions, RateLimitResult } from './rate-limit';
export type { Backend, ComponentState, RedisCheck, RedisState } from './redis';
