/**
 * A real Parley for the SDK's tests, through the server's own test harness (imported by
 * path: the SDK does not depend on the server).
 */
import { randomBytes } from 'node:crypto';
import {
  httpClient,
  signUp,
  startTestServer,
  type TestServer,
} from '../../../apps/server/test/harness';
import { createTestDatabase, type TestDatabase } from '../../../tooling/testing/src/index';

export type { TestServer };
export { httpClient, signUp };

/**
 * A server whose database and secrets outlive it: `restart()` stops it and starts a
 * new one on the same port and database, as a deployment would.
 */
export async function startRestartableServer(label: string, env: Record<string, string> = {}) {
  const db: TestDatabase = await createTestDatabase(label);
  const fixed: Record<string, string> = { JWT_SECRET: randomBytes(32).toString('hex'), ...env };
  let server: TestServer = await startTestServer({ db, env: fixed });
  fixed.PORT = String(server.parley.port);
  fixed.REDIS_KEY_PREFIX = server.env.REDIS_KEY_PREFIX!;
  return {
    get url() {
      return server.url;
    },
    get server() {
      return server;
    },
    async stop() {
      await server.close();
    },
    async start() {
      server = await startTestServer({ db, env: fixed });
    },
    /** Another instance on the same database and Redis, on a port of its own. */
    another(): Promise<TestServer> {
      return startTestServer({ db, env: { ...fixed, PORT: '0' } });
    },
    async restart() {
      await server.close();
      server = await startTestServer({ db, env: fixed });
    },
    async close() {
      await server.close();
      await db.drop();
    },
  };
}
