import type { Bindings, Level, Logger } from 'pino';

/** What a procedure logs through: a pino logger, or a request's lazily built child of one. */
export interface RequestLog {
  debug: Logger['debug'];
  info: Logger['info'];
  warn: Logger['warn'];
  error: Logger['error'];
}

/**
 * A child logger with the request's bindings, built on the first line actually logged:
 * most calls log nothing at the configured level, and a pino child (with its redaction
 * setup) per request was a measurable share of a cached read's CPU.
 */
class LazyChildLog implements RequestLog {
  #child: Logger | undefined;

  constructor(
    private readonly parent: Logger,
    private readonly bindings: Bindings,
  ) {}

  debug(obj: unknown, msg?: string, ...args: unknown[]): void {
    this.#write('debug', obj, msg, args);
  }
  info(obj: unknown, msg?: string, ...args: unknown[]): void {
    this.#write('info', obj, msg, args);
  }
  warn(obj: unknown, msg?: string, ...args: unknown[]): void {
    this.#write('warn', obj, msg, args);
  }
  error(obj: unknown, msg?: string, ...args: unknown[]): void {
    this.#write('error', obj, msg, args);
  }

  #write(level: Level, obj: unknown, msg: string | undefined, args: unknown[]): void {
    if (!this.parent.isLevelEnabled(level)) return;
    this.#child ??= this.parent.child(this.bindings);
    this.#child[level](obj, msg, ...args);
  }
}

export function lazyChildLog(parent: Logger, bindings: Bindings): RequestLog {
  return new LazyChildLog(parent, bindings);
}
