import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/index';

describe('createLogger', () => {
  it('censors authorization headers, passwords, tokens and secrets', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ name: 'test', level: 'info', destination });
    logger.info(
      {
        req: { headers: { authorization: 'Bearer abc.def', host: 'x' } },
        password: 'hunter2',
        user: { token: 'tok-123', name: 'ann' },
        config: { jwtSecret: 's3cret', redisUrl: 'redis://:pw@h:6379', port: 1 },
      },
      'hello',
    );
    const line = lines.join('');
    for (const secret of ['abc.def', 'hunter2', 'tok-123', 's3cret', ':pw@']) {
      expect(line).not.toContain(secret);
    }
    const parsed = JSON.parse(line);
    expect(parsed.req.headers).toEqual({ authorization: '[redacted]', host: 'x' });
    expect(parsed.user.name).toBe('ann');
    expect(parsed.config.port).toBe(1);
    expect(parsed.name).toBe('test');
  });
});
