import { adminProcedure, staffProcedure, userOrGuestProcedure } from '../trpc';

/** The security schemes of the OpenAPI document: an access token, or an API key. */
export type SecurityScheme = 'bearer' | 'apiKey';

interface Built {
  _def: { middlewares: unknown[] };
}

/**
 * The access rules of `trpc.ts` that take a person's own access token and never an API
 * key: `userOrGuestProcedure` (so `userProcedure`, built on it), `staffProcedure` and
 * `adminProcedure`. Each is the last rule its builder adds; a procedure built on one of
 * them runs that very function, so it is found by identity, not by name or route.
 */
const PERSON_ONLY = new Set(
  [userOrGuestProcedure, staffProcedure, adminProcedure].map((builder) =>
    (builder as unknown as Built)._def.middlewares.at(-1),
  ),
);

/**
 * The schemes a procedure of the tRPC router accepts, from the rules it is built with: an
 * access token always (a person, or a session's client secret, sent as a bearer token),
 * an API key unless one of its rules refuses every key.
 */
export function schemesOf(procedure: unknown): SecurityScheme[] {
  const rules = (procedure as Built)._def.middlewares;
  return rules.some((rule) => PERSON_ONLY.has(rule)) ? ['bearer'] : ['bearer', 'apiKey'];
}
