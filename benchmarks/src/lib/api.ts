import { randomBytes } from 'node:crypto';
import type { AppRouter } from '@parley/api';
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import superjson from 'superjson';

export type Client = TRPCClient<AppRouter>;

/** tRPC over HTTP for setting a benchmark up (users, sessions); never used to measure. */
export function apiClient(url: string, token?: string): Client {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${url}/trpc`,
        transformer: superjson,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });
}

export async function signUp(url: string, label = 'bench') {
  const email = `${label}-${randomBytes(5).toString('hex')}@example.com`;
  const password = `correct horse ${randomBytes(6).toString('hex')}`;
  const result = await apiClient(url).auth.register.mutate({ email, password, name: label });
  return { ...result, email, password };
}

/** A GET URL for a tRPC query, input serialised the way the client does it. */
export function queryUrl(url: string, path: string, input: unknown): string {
  return `${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
}
