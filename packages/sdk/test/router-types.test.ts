/**
 * The published router type (src/generated/router.ts) against the api's own AppRouter:
 * the same procedures with the same inputs, outputs and error shape. Checked by `tsc`
 * (these are type assertions); a change to the api fails here until the type is
 * regenerated (`pnpm --filter @parley/sdk generate`, which tsup also runs).
 */
import type { AppRouter } from '@parley/api';
import type { inferRouterError, inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { describe, expectTypeOf, it } from 'vitest';
import type { ParleyClientExtras } from '../src/client';
import type { ParleyRouter, ParleyRouterRecord } from '../src/generated/router';

describe('the published router type', () => {
  it('has the api router inputs, outputs and error shape exactly', () => {
    expectTypeOf<inferRouterInputs<ParleyRouter>>().toEqualTypeOf<inferRouterInputs<AppRouter>>();
    expectTypeOf<inferRouterOutputs<ParleyRouter>>().toEqualTypeOf<inferRouterOutputs<AppRouter>>();
    expectTypeOf<inferRouterError<ParleyRouter>>().toEqualTypeOf<inferRouterError<AppRouter>>();
  });

  it('carries no server context', () => {
    expectTypeOf<ParleyRouter['_def']['_config']['$types']['ctx']>().toEqualTypeOf<object>();
  });

  it("no router namespace clashes with the client's own members", () => {
    expectTypeOf<
      Extract<keyof ParleyRouterRecord, keyof ParleyClientExtras>
    >().toEqualTypeOf<never>();
  });
});
