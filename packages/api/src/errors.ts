import { FORBIDDEN_KEYS } from '@parley/validators';
import { TRPCError } from '@trpc/server';
import { ZodError, z } from 'zod';

/** Thrown when a rate limit is hit; the formatter exposes `retryAfter` (seconds). */
export class RateLimitedError extends TRPCError {
  readonly retryAfter: number;
  constructor(retryAfterSeconds: number, message = 'Too many requests, try again later') {
    super({ code: 'TOO_MANY_REQUESTS', message: `${message} (retry in ${retryAfterSeconds} s)` });
    this.retryAfter = retryAfterSeconds;
  }
}

/** Field path -> messages, from a zod validation failure ("" for the whole input). */
export function fieldErrorsOf(error: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    // A hostile input's own key names (`__proto__`, `prototype`) are quoted: as keys of
    // the answer, superjson would refuse to send it at all.
    const key = issue.path
      .map((segment) =>
        FORBIDDEN_KEYS.has(String(segment)) ? `(${String(segment)})` : String(segment),
      )
      .join('.');
    // Own keys only: a path such as `constructor` must not read Object.prototype's.
    out[key] = [...(Object.hasOwn(out, key) ? (out[key] as string[]) : []), issue.message];
  }
  return out;
}

/** "sessionId: must be a UUID; content: must not be empty" — names every field. */
export function describeFieldErrors(fieldErrors: Record<string, string[]>): string {
  return Object.entries(fieldErrors)
    .map(([field, messages]) => `${field || 'input'}: ${messages.join(', ')}`)
    .join('; ');
}

export function findZodError(error: unknown): ZodError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    if (current instanceof ZodError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

// Per-call request ids for errors raised on a shared (WebSocket) context.
const requestIds = new WeakMap<object, string>();
export function tagRequestId(error: object, requestId: string): void {
  requestIds.set(error, requestId);
}
export function requestIdOf(error: object): string | undefined {
  return requestIds.get(error);
}

export const notFound = (what: string) =>
  new TRPCError({ code: 'NOT_FOUND', message: `${what} not found` });

/** A validation failure found after parsing (e.g. a common password), shaped like zod's. */
export function fieldError(field: string, message: string): TRPCError {
  // Made by a real parse: zod 4's ZodError built with `new` is not an Error, so tRPC would wrap it.
  const { error } = z
    .unknown()
    .superRefine((_, ctx) => ctx.addIssue({ code: 'custom', path: [field], message }))
    .safeParse(undefined);
  return new TRPCError({ code: 'BAD_REQUEST', message: `${field}: ${message}`, cause: error });
}
