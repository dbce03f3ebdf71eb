import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MediaConfig } from '@parley/media';
import { z } from 'zod';

/**
 * The only place that reads process.env. Every variable is parsed once at start-up;
 * a bad value stops the start with a message naming the variable and what it expects.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const int = (min: number, max: number) =>
  z.coerce
    .number({ error: `expects a whole number from ${min} to ${max}` })
    .int({ error: `expects a whole number from ${min} to ${max}` })
    .min(min, { error: `expects a whole number from ${min} to ${max}` })
    .max(max, { error: `expects a whole number from ${min} to ${max}` });
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'expects true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const url = (protocols: RegExp, what: string) =>
  z
    .string()
    .trim()
    .refine(
      (v) => {
        try {
          return protocols.test(new URL(v).protocol);
        } catch {
          return false;
        }
      },
      { error: `expects a ${what} URL` },
    );
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const envSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'], {
      error: 'expects development, production or test',
    })
    .default('development'),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: int(0, 65535).default(3000),
  PUBLIC_URL: optional(url(/^https?:$/, 'http(s)')),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'expects a pino level (info, debug, ...)',
    })
    .default('info'),
  LOG_PRETTY: optional(bool),
  DATA_DIR: z.string().trim().min(1).default(path.join(repoRoot, '.data')),
  DATABASE_URL: optional(url(/^postgres(ql)?:$/, 'postgres://')),
  DB_POOL_MAX: int(2, 200).default(10),
  REDIS_URL: optional(url(/^rediss?:$/, 'redis://')),
  REDIS_KEY_PREFIX: z.string().default('parley:'),
  JWT_SECRET: optional(z.string().min(32, { error: 'expects at least 32 characters' })),
  JWT_ISSUER: z.string().min(1).default('parley'),
  JWT_AUDIENCE: z.string().min(1).default('parley-api'),
  ACCESS_TOKEN_TTL_SECONDS: int(30, 86_400).default(900),
  REFRESH_TOKEN_TTL_SECONDS: int(60, 31_536_000).default(30 * 86_400),
  CLIENT_SECRET_TTL_SECONDS: int(30, 86_400).default(600),
  SESSION_IDLE_TIMEOUT_SECONDS: int(10, 7 * 86_400).default(1_800),
  SESSION_SWEEP_INTERVAL_SECONDS: int(1, 3_600).default(60),
  ALERTS_RECOVERY_SECONDS: int(1, 3_600).default(30),
  /** Saved searches one person may keep; `searches.create` beyond it is CONFLICT. */
  SAVED_SEARCHES_PER_USER: int(1, 100_000).default(100),
  ALLOWED_ORIGINS: optional(z.string()),
  TRUST_PROXY: bool.default(false),
  WS_MAX_PAYLOAD_BYTES: int(1_024, 1_048_576).default(1_048_576),
  WS_MAX_SUBSCRIPTIONS: int(1, 1_000).default(20),
  SSE_MAX_SUBSCRIPTIONS_PER_CLIENT: int(1, 1_000).default(20),
  SSE_MAX_STREAMS_PER_IP: int(1, 1_000_000).default(256),
  WS_MAX_CONNECTIONS_PER_IP: int(1, 1_000_000).default(256),
  WS_PING_INTERVAL_MS: int(100, 600_000).default(30_000),
  WS_PONG_WAIT_MS: int(100, 600_000).default(10_000),
  /** A socket opened to send `connectionParams` is closed if they do not come this soon. */
  WS_CONNECTION_PARAMS_TIMEOUT_MS: int(100, 600_000).default(10_000),
  MAX_BATCH_SIZE: int(1, 1_000).default(50),
  SHUTDOWN_TIMEOUT_MS: int(0, 120_000).default(10_000),
  RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE: int(1, 1_000_000).default(30),
  RATE_LIMIT_LOGIN_PER_ACCOUNT_PER_MINUTE: int(1, 1_000_000).default(5),
  RATE_LIMIT_LOGIN_PER_ACCOUNT_PER_HOUR: int(1, 100).default(50),
  RATE_LIMIT_REGISTER_PER_IP_PER_HOUR: int(1, 1_000_000).default(20),
  RATE_LIMIT_GUESTS_PER_IP_PER_HOUR: int(1, 1_000_000).default(300),
  RATE_LIMIT_VISITOR_SENDS_PER_MINUTE: int(1, 1_000_000).default(30),
  RATE_LIMIT_SEARCH_PER_IP_PER_MINUTE: int(1, 1_000_000).default(300),
  RATE_LIMIT_UPLOADS_PER_MINUTE: int(1, 1_000_000).default(60),
  ASSISTANT_PROVIDER: z
    .enum(['rules', 'openai'], { error: 'expects rules or openai' })
    .default('rules'),
  OPENAI_BASE_URL: z.string().default('https://api.openai.com/v1'),
  OPENAI_API_KEY: optional(z.string().min(1)),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OPENAI_TIMEOUT_MS: int(100, 120_000).default(15_000),
  SEED_DEMO_LISTINGS: int(0, 100_000).default(300),
  WEB_DIST: z.string().default(path.join(repoRoot, 'apps/web/dist')),
  WIDGET_DIST: z.string().default(path.join(repoRoot, 'apps/widget/dist')),
  GIT_COMMIT: optional(z.string().min(1)),
  /** Uploaded and demo pictures, when no bucket is configured (default `DATA_DIR/media`). */
  MEDIA_DIR: optional(z.string().trim().min(1)),
  /** An S3-compatible bucket for pictures, shared by every instance: all five or none. */
  MEDIA_S3_ENDPOINT: optional(url(/^https?:$/, 'http(s)')),
  MEDIA_S3_BUCKET: optional(z.string().trim().min(3).max(63)),
  MEDIA_S3_REGION: z.string().trim().min(1).default('us-east-1'),
  MEDIA_S3_ACCESS_KEY_ID: optional(z.string().min(1)),
  MEDIA_S3_SECRET_ACCESS_KEY: optional(z.string().min(1)),
  /** An uploaded picture no listing uses is deleted this many hours after its upload. */
  MEDIA_ORPHAN_HOURS: int(1, 8_760).default(24),
  /** Let webhooks reach private, loopback and link-local addresses (never on a public server). */
  WEBHOOK_ALLOW_PRIVATE: bool.default(false),
  WEBHOOK_TIMEOUT_MS: int(100, 60_000).default(10_000),
  WEBHOOK_RETRY_BASE_MS: int(10, 3_600_000).default(10_000),
  WEBHOOK_RETRY_MAX_MS: int(10, 86_400_000).default(3_600_000),
  /** How long a delivery is retried before it is failed (the contract says at least 24 h). */
  WEBHOOK_RETRY_WINDOW_SECONDS: int(1, 30 * 86_400).default(86_400),
  WEBHOOK_FAILING_AFTER: int(1, 1_000).default(5),
  /** Deliveries sent at once by this instance, in a lane of the job engine of their own. */
  WEBHOOK_CONCURRENCY: int(1, 256).default(8),
  WEBHOOK_SENDS_PER_OWNER: int(1, 256).default(4),
  /**
   * The AES-256 key sealing webhook signing secrets in the database: 32 random bytes in
   * base64url. Unset: generated into `DATA_DIR/webhook-secrets-key`. Every instance needs
   * the same one.
   */
  WEBHOOK_SECRETS_KEY: optional(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{43}=?$/, {
        error: 'expects 32 random bytes in base64url (43 characters: A-Z a-z 0-9 - _)',
      }),
  ),
});

export type Env = z.output<typeof envSchema>;
export const SECRET_KEYS = [
  'JWT_SECRET',
  'OPENAI_API_KEY',
  'DATABASE_URL',
  'REDIS_URL',
  'MEDIA_S3_SECRET_ACCESS_KEY',
  'WEBHOOK_SECRETS_KEY',
] as const;

export class ConfigError extends Error {}

/**
 * A rejected value as an error message may show it. A rejected secret is still a secret
 * (often a real one, mistyped): never echoed; a URL only with its password masked.
 */
function shownValue(name: string, value: string): string {
  if (!(SECRET_KEYS as readonly string[]).includes(name)) return `${name}=${JSON.stringify(value)}`;
  if (name.endsWith('_URL') && URL.canParse(value)) {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return `${name}=${JSON.stringify(url.toString())}`;
  }
  return `${name} (value not shown)`;
}

/** Parses the environment, throwing one ConfigError that names every bad variable. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${shownValue(name, source[name] ?? '')} ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const env = result.data;
  if (env.ASSISTANT_PROVIDER === 'openai' && !env.OPENAI_API_KEY) {
    throw new ConfigError(
      'Invalid configuration: OPENAI_API_KEY is required when ASSISTANT_PROVIDER=openai',
    );
  }
  const s3 = [
    env.MEDIA_S3_ENDPOINT,
    env.MEDIA_S3_BUCKET,
    env.MEDIA_S3_ACCESS_KEY_ID,
    env.MEDIA_S3_SECRET_ACCESS_KEY,
  ];
  if (s3.some(Boolean) && !s3.every(Boolean)) {
    throw new ConfigError(
      'Invalid configuration: MEDIA_S3_ENDPOINT, MEDIA_S3_BUCKET, MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY go together (set all four, or none for pictures on disk)',
    );
  }
  return env;
}

/** Where pictures are kept: the bucket when one is configured, else a folder. */
export function mediaConfig(env: Env): MediaConfig {
  const dir = env.MEDIA_DIR ?? path.join(env.DATA_DIR, 'media');
  if (
    !env.MEDIA_S3_ENDPOINT ||
    !env.MEDIA_S3_BUCKET ||
    !env.MEDIA_S3_ACCESS_KEY_ID ||
    !env.MEDIA_S3_SECRET_ACCESS_KEY
  )
    return { dir };
  return {
    dir,
    s3: {
      endpoint: env.MEDIA_S3_ENDPOINT,
      bucket: env.MEDIA_S3_BUCKET,
      region: env.MEDIA_S3_REGION,
      accessKeyId: env.MEDIA_S3_ACCESS_KEY_ID,
      secretAccessKey: env.MEDIA_S3_SECRET_ACCESS_KEY,
    },
  };
}

/** The configuration as it may be logged: secrets and credentials in URLs redacted. */
export function redactedEnv(env: Env): Record<string, unknown> {
  const out: Record<string, unknown> = { ...env };
  for (const key of SECRET_KEYS) {
    const value = env[key];
    if (value === undefined) continue;
    if (key.endsWith('_URL')) {
      const u = new URL(value);
      if (u.password) u.password = '***';
      out[key] = u.toString();
    } else {
      out[key] = '***';
    }
  }
  return out;
}

/** Origins a browser may open a WebSocket from. */
export function allowedOrigins(env: Env, port: number): string[] {
  if (env.ALLOWED_ORIGINS) {
    return env.ALLOWED_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean);
  }
  const own = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  if (env.PUBLIC_URL) own.push(new URL(env.PUBLIC_URL).origin);
  // The Vite dev server, only outside production.
  if (env.NODE_ENV !== 'production') own.push('http://localhost:5173', 'http://127.0.0.1:5173');
  return own;
}
