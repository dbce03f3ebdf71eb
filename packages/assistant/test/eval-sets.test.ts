import { findTown, searchFacts } from '@parley/validators';
import { describe, expect, it } from 'vitest';
import { EN_HOLDOUT_4 } from '../eval/holdout-4/en';
import { RU_HOLDOUT_4 } from '../eval/holdout-4/ru';
import { TR_HOLDOUT_4 } from '../eval/holdout-4/tr';
import { EN_HOLDOUT_5 } from '../eval/holdout-5/en';
import { RU_HOLDOUT_5 } from '../eval/holdout-5/ru';
import { TR_HOLDOUT_5 } from '../eval/holdout-5/tr';
import type { EvalCase } from '../eval/types';

// Shape only: the rules are never run on held-out sets 4 and 5 here, so their first runs
// stay honest.
const SETS: Array<[name: string, cases: EvalCase[]]> = [
  ['held-out set 4 (en)', EN_HOLDOUT_4],
  ['held-out set 4 (tr)', TR_HOLDOUT_4],
  ['held-out set 4 (ru)', RU_HOLDOUT_4],
  ['held-out set 5 (en)', EN_HOLDOUT_5],
  ['held-out set 5 (tr)', TR_HOLDOUT_5],
  ['held-out set 5 (ru)', RU_HOLDOUT_5],
];

/** Every place a case names, in its expected facts and in its memory. */
function places(c: EvalCase): string[] {
  return [c.facts, c.memory ?? {}].flatMap((f) => [
    ...(f.location ? [f.location] : []),
    ...(f.excludeLocations ?? []),
  ]);
}

describe.each(SETS)('%s', (_name, cases) => {
  it('has at least 60 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it('has no message twice', () => {
    const seen = cases.map((c) => c.message.trim().toLowerCase());
    expect(seen.filter((m, i) => seen.indexOf(m) !== i)).toEqual([]);
  });

  it('names places by their canonical town or district name', () => {
    const unknown = cases.flatMap(places).filter((p) => findTown(p)?.name !== p);
    expect(unknown).toEqual([]);
  });

  it('labels facts and memory that the search contract accepts', () => {
    const invalid = cases.filter(
      (c) =>
        !searchFacts.safeParse(c.facts).success || !searchFacts.safeParse(c.memory ?? {}).success,
    );
    expect(invalid.map((c) => c.message)).toEqual([]);
  });

  it('keeps a budget range and a bedroom range in order', () => {
    const reversed = cases.filter(
      (c) =>
        (c.facts.minPrice ?? 0) > (c.facts.maxPrice ?? Number.POSITIVE_INFINITY) ||
        (c.facts.minBedrooms ?? 0) > (c.facts.maxBedrooms ?? Number.POSITIVE_INFINITY),
    );
    expect(reversed.map((c) => c.message)).toEqual([]);
  });
});
