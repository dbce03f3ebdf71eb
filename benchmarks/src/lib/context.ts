import type { BenchResult } from './report';

/** What every benchmark is given by src/run.ts. */
export interface RunContext {
  quick: boolean;
  /** This run's own database, copied from the seeded 100,000-listing template. */
  databaseUrl: string;
  /** Shared Redis, or undefined when none answers (then Parley runs in-process only). */
  redisUrl: string | undefined;
  log(line: string): void;
  /** Scales a duration: the quick value or the full one. */
  pick<T>(quick: T, full: T): T;
}

export type Bench = (ctx: RunContext) => Promise<BenchResult[]>;
