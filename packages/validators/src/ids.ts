import { z } from 'zod';

/**
 * Every id that crosses a boundary is a UUID. `"undefined"`, `""` and `"null"` are
 * the strings broken clients actually send (docs/design.md), so they get a message
 * that says what happened rather than a generic format error.
 */
export const uuid = () =>
  z
    .string({ error: 'must be a UUID string' })
    .refine((value) => !['undefined', 'null', ''].includes(value), {
      message: 'is missing (got an empty or "undefined"/"null" id)',
      abort: true,
    })
    .pipe(z.uuid({ error: 'must be a UUID' }));

export const idInput = z.object({ id: uuid() });
export type IdInput = z.infer<typeof idInput>;
