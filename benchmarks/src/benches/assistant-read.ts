import { interpret, tokenize } from '@parley/assistant';
import { EVAL_CORPUS } from '@parley/assistant/eval';
import type { RunContext } from '../lib/context';
import { type BenchResult, result } from '../lib/report';
import { percentile, round } from '../lib/stats';

/**
 * assistant.read: how many messages a second the rule agent reads (interpret: tokens,
 * places, bedrooms, budget, keywords, intent, merge into memory), in this process, over
 * every request of the evaluation sets in English, Turkish and Russian. Baseline: the
 * tokenizer alone on the same messages, the one linear pass every reading starts with, so
 * the ratio says what understanding costs on top of splitting the text. No server, no
 * I/O; it replaces a timed unit test ("reads thousands of messages a second").
 */
export async function assistantRead(ctx: RunContext): Promise<BenchResult[]> {
  const corpus = EVAL_CORPUS.map((c) => ({ message: c.message, memory: c.memory ?? {} }));
  const seconds = ctx.pick(2, 10);

  // Whole passes over the corpus until the time is up; returns messages per second.
  const rate = (read: (message: string, memory: object) => unknown, forSeconds: number) => {
    let count = 0;
    const started = performance.now();
    const until = started + forSeconds * 1000;
    while (performance.now() < until) {
      for (const c of corpus) read(c.message, c.memory);
      count += corpus.length;
    }
    return count / ((performance.now() - started) / 1000);
  };
  const readOne = (message: string, memory: object) => interpret(message, memory);
  const tokenizeOne = (message: string) => tokenize(message);

  rate(readOne, ctx.pick(0.5, 2)); // warm-up: JIT
  rate(tokenizeOne, ctx.pick(0.5, 2));
  const reads = rate(readOne, seconds);
  const tokens = rate(tokenizeOne, seconds);

  // Per message: the slowest messages matter as much as the average.
  const micros: number[] = [];
  for (let pass = 0; pass < ctx.pick(5, 20); pass++) {
    for (const c of corpus) {
      const t = performance.now();
      interpret(c.message, c.memory);
      micros.push((performance.now() - t) * 1000);
    }
  }
  ctx.log(
    `  ${corpus.length} messages (en, tr, ru): ${round(reads)} msg/s read, ${round(tokens)} msg/s tokenized; per message p50 ${round(percentile(micros, 50))} µs, p99 ${round(percentile(micros, 99))} µs`,
  );
  const detail = `interpret() over the ${corpus.length} requests of both evaluation sets (en, tr, ru; follow-ups with memory), one thread, ${seconds} s; baseline: tokenize() alone on the same messages`;
  return [
    result({
      name: 'assistant.read',
      value: reads,
      unit: 'msg/s',
      baseline: tokens,
      target: '>= 2,000 msg/s',
      pass: reads >= 2000,
      detail,
    }),
    result({
      name: 'assistant.read.p99',
      value: percentile(micros, 99),
      unit: 'µs',
      baseline: null,
      target: '<= 1,000 µs',
      pass: percentile(micros, 99) <= 1000,
      detail: `per message, same corpus, ${micros.length} readings; p50 ${round(percentile(micros, 50))} µs`,
    }),
  ];
}
