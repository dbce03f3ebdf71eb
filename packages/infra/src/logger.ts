import { createRequire } from 'node:module';
import path from 'node:path';
import {
  type DestinationStream,
  type LevelWithSilent,
  type Logger,
  type LoggerOptions,
  pino,
} from 'pino';

export type { Logger } from 'pino';

export interface LoggerConfig {
  name: string;
  level?: LevelWithSilent;
  /** Human-readable output through pino-pretty (development only; falls back to JSON). */
  pretty?: boolean;
  /** Extra paths to censor, in pino's `redact` syntax. */
  redact?: string[];
  /** Where lines go (default stdout); tests pass a stream to read them back. */
  destination?: DestinationStream;
}

const SECRET_FIELDS = [
  'authorization',
  'cookie',
  'password',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  'apiKey',
  'secret',
  'clientSecret',
  'jwtSecret',
  'redisUrl',
  'databaseUrl',
];

/** Secrets are censored at the top level and up to three levels down (e.g. `req.headers.*`). */
export const REDACT_PATHS = SECRET_FIELDS.flatMap((field) => [
  field,
  `*.${field}`,
  `*.*.${field}`,
  `*.*.*.${field}`,
]);

export function createLogger(config: LoggerConfig): Logger {
  const options: LoggerOptions = {
    name: config.name,
    level: config.level ?? 'info',
    redact: { paths: [...REDACT_PATHS, ...(config.redact ?? [])], censor: '[redacted]' },
  };
  if (config.destination) return pino(options, config.destination);
  const prettyTarget = config.pretty ? resolvePretty() : undefined;
  if (prettyTarget) {
    options.transport = { target: prettyTarget, options: { colorize: true } };
  }
  const logger = pino(options);
  if (config.pretty && !prettyTarget) logger.debug('pino-pretty is not installed; logging JSON');
  return logger;
}

/** pino-pretty is a development dependency of the app, so look for it from the app too. */
function resolvePretty(): string | undefined {
  for (const from of [import.meta.url, path.join(process.cwd(), 'package.json')]) {
    try {
      return createRequire(from).resolve('pino-pretty');
    } catch {
      // try the next place
    }
  }
  return undefined;
}
