import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '../src/env';

/** What `pnpm start` prints for a bad configuration (main.ts writes the message to stderr). */
function configError(env: Record<string, string>): string {
  try {
    parseEnv({ NODE_ENV: 'test', ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('configuration errors', () => {
  it('name a rejected secret and the rule it breaks, never its value', () => {
    const jwt = 'short-but-real-looking';
    const key = 'not-a-key-at-all-but-maybe-a-password';
    const message = configError({ JWT_SECRET: jwt, WEBHOOK_SECRETS_KEY: key });
    expect(message).toContain('JWT_SECRET');
    expect(message).toContain('at least 32 characters');
    expect(message).toContain('WEBHOOK_SECRETS_KEY');
    expect(message).not.toContain(jwt);
    expect(message).not.toContain(key);
  });

  it('show a rejected URL with its password masked', () => {
    const message = configError({ REDIS_URL: 'http://user:hunter2-secret@cache:6379' });
    expect(message).toContain('REDIS_URL="http://user:***@cache:6379/" expects a redis:// URL');
    expect(message).not.toContain('hunter2-secret');
  });

  it('still show the value of a variable that is not secret', () => {
    expect(configError({ PORT: 'eighty' })).toContain('PORT="eighty"');
  });
});
