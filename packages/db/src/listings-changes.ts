import pg from 'pg';
import type { Sequelize } from 'sequelize';

export interface ListingChangeWatcher {
  stop(): Promise<void>;
}

interface Log {
  warn(obj: object, msg?: string): void;
  info(msg: string): void;
}

/** An error as a log line carries it: never pg's client, kilobytes of connection state. */
const brief = (error: unknown) => {
  const { message, code } = error as { message?: string; code?: string };
  return { message, code };
};

/**
 * Calls `onChange` after every committed change to `listings` from any writer (this
 * process, another instance, the seed and import CLIs, psql): migration 0003 fires
 * `NOTIFY listings_changed` from a statement trigger, and PostgreSQL delivers it on
 * commit. The server bumps the listings cache version here, so caches never outlive a
 * write made outside the API. A dedicated connection listens; it reconnects by itself and
 * calls `onChange` once after every (re)connect, since changes may have been missed.
 */
export async function watchListingChanges(
  sequelize: Sequelize,
  onChange: () => Promise<unknown>,
  log?: Log,
): Promise<ListingChangeWatcher> {
  const { host, port, username, password, database } = sequelize.config;
  let client: pg.Client | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let delay = 250;
  /** The connection is lost and that has been told; said again only once it is back. */
  let lost = false;

  const notify = () =>
    void onChange().catch((error: unknown) =>
      log?.warn({ err: error }, 'listing change handler failed'),
    );

  const connect = async (): Promise<void> => {
    const next = new pg.Client({
      host,
      port: Number(port),
      user: username,
      password: password ?? undefined,
      database,
      application_name: 'parley-listings-listener',
      connectionTimeoutMillis: 2_000,
      keepAlive: true,
    });
    next.on('notification', notify);
    next.on('error', (error) => {
      // Told once per outage: the retries that follow are the same news.
      if (!lost) log?.warn({ err: brief(error) }, 'listing change listener lost its connection');
      lost = true;
      retry(next);
    });
    next.on('end', () => retry(next));
    client = next;
    try {
      await next.connect();
      await next.query('LISTEN listings_changed');
      delay = 250;
      if (lost) log?.info('listing change listener is listening again');
      lost = false;
      notify();
    } catch (error) {
      if (!lost) log?.warn({ err: brief(error) }, 'listing change listener could not connect');
      lost = true;
      retry(next);
    }
  };

  const retry = (failed: pg.Client) => {
    if (stopped || client !== failed || timer) return;
    client = undefined;
    failed.end().catch(() => {});
    timer = setTimeout(() => {
      timer = undefined;
      if (!stopped) void connect();
    }, delay);
    timer.unref();
    delay = Math.min(delay * 2, 10_000);
  };

  await connect();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await client?.end().catch(() => {});
      client = undefined;
    },
  };
}
