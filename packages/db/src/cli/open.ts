import { type Database, openDatabase } from '../database';
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
    if (!env.DATABASE_URL) {
      throw new Error(
        `could not start the embedded PostgreSQL in ${env.DATA_DIR} (is the server running on it? ` +
          `stop it, or set DATABASE_URL): ${(error as Error).message}`,
      );
    }
    throw error;
  }
}

/** Runs a CLI's main, printing a failure as one line and setting the exit code. */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
