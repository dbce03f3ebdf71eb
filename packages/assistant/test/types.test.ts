import { describe, expect, it } from 'vitest';
import type { Assistant, AssistantOutcome } from '../src';

/**
 * A chat task that can return nothing is a bug. Here a reply path that ends
 * without an outcome is a compile error; `tsc --noEmit` (run with the tests) fails if
 * any @ts-expect-error below stops being an error.
 */
describe('a reply without an outcome does not compile', () => {
  it('a generator that can fall off its end', () => {
    // @ts-expect-error Function lacks ending return statement
    async function* fallsOff(done: boolean): AsyncGenerator<string, AssistantOutcome, void> {
      yield 'thinking';
      if (done)
        return {
          reply: undefined as never,
          memory: { summary: '', facts: {} },
          intent: { kind: 'search' },
        };
    }
    expect(typeof fallsOff).toBe('function');
  });

  it('an agent whose reply returns nothing', () => {
    const agent: Assistant = {
      name: 'rules',
      // @ts-expect-error undefined is not an AssistantOutcome
      async *reply() {
        yield 'text';
      },
    };
    expect(agent.name).toBe('rules');
  });
});
