import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { RepeatFilter } from '../src/log';

describe('repeated log lines', () => {
  it('writes the first of a kind, then one line a window with the count', async () => {
    const lines: string[] = [];
    const write = (level: string) => (obj: object, msg?: string) =>
      void lines.push(`${level} ${msg} ${JSON.stringify(obj)}`);
    const filter = new RepeatFilter(
      { error: write('error'), warn: write('warn'), info: write('info'), debug: write('debug') },
      300,
    );
    // The same problem with a different number each time is one kind.
    for (const ms of [113, 359, 829])
      filter.write('error', {}, `listener failed (again in ${ms}ms)`);
    filter.write('warn', {}, 'something else');
    expect(lines).toEqual(['error listener failed (again in 113ms) {}', 'warn something else {}']);

    await sleep(450);
    expect(lines.slice(2)).toEqual([
      'error listener failed (again in 113ms) (2 more like it in 300 ms) {"repeated":2}',
    ]);
    // Within the next window: counted, and told when the process stops.
    filter.write('error', {}, 'listener failed (again in 2668ms)');
    expect(lines).toHaveLength(3);
    filter.flush();
    expect(lines[3]).toContain('(1 more like it');
  });
});
