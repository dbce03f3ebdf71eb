import { setTimeout as sleep } from 'node:timers/promises';
import {
  type CronItem,
  type LogLevel,
  parseCronItems,
  type Runner,
  run,
  runMigrations,
  type Task,
  Logger as WorkerLogger,
} from 'graphile-worker';
import pg from 'pg';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { type Log, RepeatFilter } from './log';
import { brief, DatabaseOutage } from './outage';

/**
 * Each task's payload, by task name. A package that owns a task declares it here by
 * declaration merging, so `add` and `define` are checked against the same shape:
 *
 *     declare module '@parley/jobs' {
 *       interface JobPayloads { 'webhooks.deliver': { deliveryId: string } }
 *     }
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by declaration merging
export interface JobPayloads {}
export type JobName = keyof JobPayloads & string;
/** The tasks whose payload is empty: those `every` can run on an interval. */
export type RecurringJobName = {
  [N in JobName]: JobPayloads[N] extends Record<string, never> ? N : never;
}[JobName];

export interface JobOptions {
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  transaction?: Transaction | null | undefined;
  /**
   * At most one pending job per key: adding again replaces its payload and `runAt`. A job
   * with this key that is executing right now is left to finish and a new one is queued.
   */
  jobKey?: string | undefined;
  /**
   * With `jobKey`: `replace` (default) moves the pending job to this `runAt`;
   * `preserve_run_at` keeps an earlier-scheduled pending job's time (a stream of adds
   * cannot keep pushing it into the future).
   */
  jobKeyMode?: 'replace' | 'preserve_run_at' | undefined;
  /** Not before this time (default: now). */
  runAt?: Date | undefined;
  /** Attempts before the job is given up (default 25, with exponential backoff). */
  maxAttempts?: number | undefined;
  /** Jobs of one named queue execute one at a time, in order. */
  queueName?: string | undefined;
}

export interface JobContext {
  jobId: string;
  /** 1 on the first attempt. */
  attempt: number;
  maxAttempts: number;
}

/** A task's work. Throwing retries it later (exponential backoff), up to `maxAttempts`. */
export type TaskHandler<N extends JobName> = (
  payload: JobPayloads[N],
  job: JobContext,
) => Promise<void>;

export interface JobEngineOptions {
  /** The application's Sequelize: `add` runs on it (and in its transactions). */
  sequelize: Sequelize;
  /** The same database's URL: the runners keep a small pool of their own. */
  url: string;
  logger: Log;
  /** Jobs of the main lane executing at once in this process (default 4). */
  concurrency?: number;
  /**
   * Lanes besides the main one, by name, each with its own runner and its own number of
   * jobs at once: tasks that wait on the outside world (a webhook receiver that never
   * answers) get one, so they can never hold every slot the platform's own work needs.
   */
  lanes?: Record<string, { concurrency: number }>;
  /** How often a runner looks for jobs whose `runAt` has come (default 1000 ms). */
  pollIntervalMs?: number;
}

export interface TaskOptions {
  /** The lane (`JobEngineOptions.lanes`) whose runner executes this task; default main. */
  lane?: string | undefined;
}

const MAIN_LANE = 'main';

/**
 * Parley's one job engine: graphile-worker on the application's own PostgreSQL. Tasks are
 * defined before `start()`; jobs can be added from anywhere (any instance, inside a
 * transaction) once the schema exists, which `start()` makes sure of. Every instance runs
 * a runner; each job is executed by one of them.
 */
export class JobEngine {
  readonly #options: JobEngineOptions;
  readonly #tasks = new Map<string, { task: Task; lane: string }>();
  readonly #onStart: (() => Promise<unknown>)[] = [];
  readonly #cron: CronItem[] = [];
  #pool: pg.Pool | undefined;
  /** While started: the database's reachability, told once each way. */
  #outage: DatabaseOutage | undefined;
  /** graphile-worker's warnings and errors, one line per kind a minute. */
  #repeats: RepeatFilter | undefined;
  /** Each lane's runner while it runs. */
  readonly #runners = new Map<string, Runner>();
  readonly #restarting = new Map<string, Promise<void>>();
  #started = false;
  #stopping: Promise<void> | undefined;

  constructor(options: JobEngineOptions) {
    this.#options = options;
  }

  /** Registers the task `name`; before `start()`, once per name. */
  define<N extends JobName>(name: N, handler: TaskHandler<N>, options: TaskOptions = {}): void {
    if (this.#started) throw new Error(`task ${name} defined after the job runner started`);
    if (this.#tasks.has(name)) throw new Error(`task ${name} is defined twice`);
    const lane = options.lane ?? MAIN_LANE;
    if (lane !== MAIN_LANE && !this.#options.lanes?.[lane])
      throw new Error(`task ${name} is in lane ${lane}, which the engine was not given`);
    const task: Task = async (payload, helpers) => {
      await handler(payload as JobPayloads[N], {
        jobId: helpers.job.id,
        attempt: helpers.job.attempts,
        maxAttempts: helpers.job.max_attempts,
      });
    };
    this.#tasks.set(name, { task, lane });
  }

  /**
   * Runs the task `name` on a schedule (a crontab pattern, UTC: `'7 * * * *'` is minute 7
   * of every hour). Every instance's runner watches the schedule, and graphile-worker
   * records each tick it enqueued in the database, so a tick makes one job however many
   * instances run. A tick missed while no instance ran is not made up: what such a task
   * does must be as good done at the next one. Before `start()`.
   */
  cron(name: JobName, pattern: string): void {
    if (this.#started) throw new Error(`task ${name} scheduled after the job runner started`);
    if (this.#tasks.get(name)?.lane !== MAIN_LANE)
      throw new Error(`task ${name} is scheduled but not defined in the main lane`);
    this.#cron.push({
      task: name,
      match: pattern,
      identifier: name,
      // A failed run is not retried past the next tick, which does the same work.
      options: { backfillPeriod: 0, maxAttempts: 3 },
    });
  }

  /**
   * Defines the task `name` and runs it every `intervalMs` as one keyed job for the whole
   * platform (one pending job however many instances run), on whichever instance is
   * alive. For what must run more often than a crontab can say (seconds) and must survive
   * a crash: each run enqueues its successor before `handler` starts, because a job whose
   * process dies while executing it stays locked for hours, and every runner's (re)start
   * enqueues one too. An earlier pending run keeps its time (`preserve_run_at`), so a run
   * that outlasts the interval meets its successor: `handler` must be safe to overlap
   * itself. Before `start()`.
   */
  every(name: RecurringJobName, intervalMs: number, handler: () => Promise<void>): void {
    const scheduleNext = () =>
      this.add(name, {} as JobPayloads[typeof name], {
        jobKey: name,
        jobKeyMode: 'preserve_run_at',
        runAt: new Date(Date.now() + intervalMs),
      });
    this.define(name, async () => {
      await scheduleNext();
      await handler();
    });
    this.onStart(scheduleNext);
  }

  /**
   * Runs `hook` each time the runner (re)starts. A job whose worker died while executing
   * it stays locked for hours (the engine's rule), so a task that must not wait that long
   * re-enqueues its work here (job keys make that idempotent).
   */
  onStart(hook: () => Promise<unknown>): void {
    this.#onStart.push(hook);
  }

  /** The names of the tasks defined so far. */
  get tasks(): string[] {
    return [...this.#tasks.keys()];
  }

  /**
   * Enqueues a job. With `transaction` it is written in that transaction, so it is
   * enqueued exactly when the data that caused it commits; without, it commits at once.
   */
  async add<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: JobOptions = {},
  ): Promise<{ id: string; dueInMs: number }> {
    const [row] = await this.#options.sequelize.query<{ id: string; due_in_ms: number }>(
      `SELECT j.id::text AS id,
              (extract(epoch FROM j.run_at - clock_timestamp()) * 1000)::float8 AS due_in_ms
         FROM graphile_worker.add_job(
           identifier => $1, payload => $2::json, queue_name => $3, run_at => $4::timestamptz,
           max_attempts => $5::int, job_key => $6, job_key_mode => $7) j`,
      {
        bind: [
          name,
          JSON.stringify(payload),
          options.queueName ?? null,
          options.runAt ?? null,
          options.maxAttempts ?? null,
          options.jobKey ?? null,
          options.jobKeyMode ?? 'replace',
        ],
        type: QueryTypes.SELECT,
        transaction: options.transaction ?? null,
      },
    );
    // When the job will run, by the database's clock (a job key may keep an earlier time).
    return { id: row!.id, dueInMs: Number(row!.due_in_ms) };
  }

  /**
   * Creates or upgrades the engine's schema (`graphile_worker`) and starts this
   * process's runners, one per lane that has tasks. Safe when several instances start at
   * once.
   */
  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    const { url, logger } = this.#options;
    const pool = new pg.Pool({
      connectionString: url,
      max: this.#lanes().reduce(
        (sum, lane) => sum + poolShare(this.#concurrency(lane), lane === MAIN_LANE),
        1,
      ),
      connectionTimeoutMillis: 5_000,
      // Named in pg_stat_activity, apart from the application's own connections.
      application_name: 'parley-jobs',
    });
    // The database's reachability, checked on a connection of its own: the pool's may all
    // be taken (or waited for) just then.
    const outage = new DatabaseOutage(logger, () => probe(url));
    this.#outage = outage;
    this.#repeats = new RepeatFilter(logger);
    // A connection that PostgreSQL drops (a restart) must not crash the process. `pg`
    // reports the loss as an `error` event on the client, and an event nobody listens to
    // is an uncaught exception. The pool listens only while a client is idle; graphile-worker
    // adds a listener of its own only to clients made after its runner started (not to the
    // install's, which it reuses), and when a LISTEN fails it takes its listener off that
    // client before the socket's end is reported as a second error (connection-loss.test.ts
    // shows it). So every client carries a listener of the engine's, from birth.
    pool.on('error', (error) => {
      if (!outage.report(error, 'job engine: connection lost'))
        logger.warn({ err: brief(error, true) }, 'job engine: connection lost');
    });
    pool.on('connect', (client) => {
      client.on('error', (error) =>
        logger.debug({ err: brief(error) }, 'job engine: a connection in use was lost'),
      );
    });
    this.#pool = pool;
    try {
      await installOnce(pool, () => runMigrations({ pgPool: pool, logger: this.#workerLogger() }));
      for (const lane of this.#lanes()) await this.#run(pool, lane);
    } catch (error) {
      for (const runner of this.#runners.values()) await runner.stop().catch(() => {});
      this.#runners.clear();
      this.#pool = undefined;
      this.#started = false;
      outage.stop();
      this.#repeats.flush();
      await pool.end().catch(() => {});
      throw error;
    }
  }

  /**
   * graphile-worker's log lines, through the application's logger. A lost connection is
   * the outage's to tell (once); any other warning or error is written, at most one line
   * per kind a minute with a count. Its errors are cut to message, code and stack: pg's
   * carry their client, kilobytes of it.
   */
  #workerLogger(): WorkerLogger {
    const { logger } = this.#options;
    return new WorkerLogger((scope) => (level, message, meta) => {
      const error = (meta as { error?: unknown } | undefined)?.error;
      const fields = {
        ...scope,
        ...meta,
        ...(error === undefined ? {} : { error: brief(error, true) }),
        component: 'jobs',
      };
      const method = LEVELS[level as LogLevel] ?? 'info';
      if (method !== 'error' && method !== 'warn') return logger[method](fields, message);
      if (this.#outage?.report(error ?? message, message)) return;
      if (this.#repeats) this.#repeats.write(method, fields, message);
      else logger[method](fields, message);
    });
  }

  /** The main lane, then every other lane that has a task. */
  #lanes(): string[] {
    const used = new Set([...this.#tasks.values()].map((t) => t.lane));
    return [MAIN_LANE, ...Object.keys(this.#options.lanes ?? {}).filter((l) => used.has(l))];
  }

  #concurrency(lane: string): number {
    return lane === MAIN_LANE
      ? (this.#options.concurrency ?? 4)
      : this.#options.lanes![lane]!.concurrency;
  }

  async #run(pool: pg.Pool, lane: string): Promise<void> {
    const { logger, pollIntervalMs = 1_000 } = this.#options;
    const main = lane === MAIN_LANE;
    const runner = await run({
      pgPool: pool,
      // A runner takes only jobs of the tasks it is given: a lane's jobs wait for its own.
      taskList: Object.fromEntries(
        [...this.#tasks].filter(([, t]) => t.lane === lane).map(([name, t]) => [name, t.task]),
      ),
      parsedCronItems: main ? parseCronItems(this.#cron) : [],
      concurrency: this.#concurrency(lane),
      pollInterval: pollIntervalMs,
      // Shutdown is the server's: it calls stop() from its own SIGTERM/SIGINT handler.
      noHandleSignals: true,
      logger: this.#workerLogger(),
    });
    this.#runners.set(lane, runner);
    // A worker that cannot record a job's end (PostgreSQL gone at that moment) exits and
    // graphile-worker 0.16 does not replace it: without this, a few PostgreSQL restarts
    // would leave an instance that runs no jobs at all.
    runner.events.on('worker:fatalError', ({ error }) => {
      const message = 'job engine: a worker stopped; restarting the runner';
      const lost = this.#outage?.report(error, message) ?? false;
      if (!lost) logger.warn({ err: brief(error, true), lane }, message);
      void this.#restart(lane, runner, lost);
    });
    // A runner that gives up rejects its promise: never an unhandled rejection (which
    // would end the process), a restart instead.
    runner.promise.catch((error: unknown) => {
      const message = 'job engine: the runner stopped; restarting it';
      const lost = this.#outage?.report(error, message) ?? false;
      if (!lost) logger.warn({ err: brief(error, true), lane }, message);
      void this.#restart(lane, runner, lost);
    });
    if (!main) return;
    for (const hook of this.#onStart) {
      await hook().catch((error: unknown) =>
        logger.warn({ err: error }, 'job engine: a start hook failed'),
      );
    }
  }

  /** Replaces a lane's broken runner, trying again (up to every 5 s) until PostgreSQL answers. */
  #restart(lane: string, broken: Runner, afterLoss: boolean): Promise<void> {
    const pending = this.#restarting.get(lane);
    if (pending || this.#stopping || this.#runners.get(lane) !== broken) {
      return pending ?? Promise.resolve();
    }
    const restarting = (async () => {
      this.#runners.delete(lane);
      await broken.stop().catch(() => {});
      for (let attempt = 1; !this.#stopping && this.#pool; attempt++) {
        try {
          await this.#run(this.#pool, lane);
          // A lost connection is the outage's to tell ("database is back"); else this is news.
          const level = afterLoss ? 'debug' : 'info';
          this.#options.logger[level]({ attempt, lane }, 'job engine: runner restarted');
          return;
        } catch (error) {
          const message = 'job engine: restart failed';
          if (!this.#outage?.report(error, message))
            this.#options.logger.warn({ err: brief(error, true), attempt, lane }, message);
          await sleep(Math.min(5_000, 250 * 2 ** attempt));
        }
      }
    })().finally(() => {
      this.#restarting.delete(lane);
    });
    this.#restarting.set(lane, restarting);
    return restarting;
  }

  /** Waits for the jobs executing here to finish, then releases the runners' connections. */
  stop(): Promise<void> {
    this.#stopping ??= (async () => {
      // Connections that end from here on end because we stop: not news.
      this.#outage?.stop();
      await Promise.all(this.#restarting.values());
      const runners = [...this.#runners.values()];
      this.#runners.clear();
      await Promise.all(runners.map((runner) => runner.stop()));
      await this.#pool?.end();
      this.#pool = undefined;
      this.#repeats?.flush();
    })();
    return this.#stopping;
  }
}

/**
 * A runner's connections: one held for LISTEN, and some for its workers to take and
 * finish jobs. A job's own work uses the application's pool, and taking or finishing one
 * is a statement of a few milliseconds, so two serve a lane's workers (their sends wait on
 * the outside world, not on PostgreSQL); the main lane keeps one per worker, as before
 * lanes. PostgreSQL's connections are few and shared by every instance.
 */
function poolShare(concurrency: number, main: boolean): number {
  return (main ? concurrency : Math.min(concurrency, 2)) + 1;
}

const LEVELS: Record<string, keyof Log> = {
  error: 'error',
  warning: 'warn',
  info: 'debug',
  debug: 'debug',
};

/** Connects to `url` and asks PostgreSQL for one row: it answers, or this throws. */
async function probe(url: string): Promise<void> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 2_000,
    application_name: 'parley-jobs',
  });
  // A connection lost mid-probe fails the awaited call; unheard, it would end the process.
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * graphile-worker's install starts with `CREATE SCHEMA IF NOT EXISTS`, which is not safe
 * against the same statement in another session: two instances starting at once on a
 * fresh database could fail one of them (a duplicate key in pg_namespace). One instance
 * at a time installs or upgrades, under a session advisory lock; the others wait, then
 * find nothing to do.
 */
async function installOnce(pool: pg.Pool, install: () => Promise<void>): Promise<void> {
  const client = await pool.connect();
  const lock = "hashtext('parley:job-engine-schema')";
  try {
    await client.query(`SELECT pg_advisory_lock(${lock})`);
    await install();
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${lock})`).catch(() => {});
    client.release();
  }
}
