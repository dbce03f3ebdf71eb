import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { lazyChildLog } from '../src/request-log';

function capture(level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
  });
  const logger = pino({ level }, stream);
  let children = 0;
  const child = logger.child.bind(logger);
  logger.child = ((...args: Parameters<typeof child>) => {
    children += 1;
    return child(...args);
  }) as typeof logger.child;
  return { logger, lines, children: () => children };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('a request log', () => {
  it('builds its child logger only for a line that is written, and only once', async () => {
    const { logger, lines, children } = capture('info');
    const log = lazyChildLog(logger, { requestId: 'r-1' });
    log.debug({ path: 'a' }, 'below the level');
    expect(children()).toBe(0);
    log.info({ path: 'b' }, 'kept');
    log.error({ path: 'c' }, 'kept too');
    await flush();
    expect(children()).toBe(1);
    expect(lines.map((l) => [l.requestId, l.path, l.msg])).toEqual([
      ['r-1', 'b', 'kept'],
      ['r-1', 'c', 'kept too'],
    ]);
  });
});
