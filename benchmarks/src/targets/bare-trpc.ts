import { idInput } from '@parley/validators';
import { initTRPC } from '@trpc/server';
import { createHTTPServer } from '@trpc/server/adapters/standalone';
import superjson from 'superjson';
import { serve } from '../lib/ipc';

/**
 * Baseline (a) for listings.get: a bare tRPC procedure on the same standalone HTTP adapter,
 * same transformer, same input schema, same path, returning the same object; no
 * middleware, no context, no cache.
 */
const listing = superjson.parse<Record<string, unknown>>(
  process.env.BENCH_PAYLOAD ?? '{"json":{}}',
);
const t = initTRPC.create({ transformer: superjson });
const router = t.router({
  listings: t.router({
    get: t.procedure.input(idInput).query(() => listing),
  }),
});
const server = createHTTPServer({ router, basePath: '/trpc/' });
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  serve({}, { url: `http://127.0.0.1:${port}`, port, pid: process.pid });
});
