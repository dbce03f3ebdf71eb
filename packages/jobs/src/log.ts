export interface Log {
  error(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

type Level = keyof Log;

/**
 * One line per kind of message per window: the first is written, the next ones of the
 * window are counted, and at its end one line gives the count (that line opens the next
 * window, so a message repeating all day writes one line a minute). A kind is the
 * message with its numbers left out: "trying again in 359ms" and "in 862ms" are one.
 */
export class RepeatFilter {
  readonly #windows = new Map<string, Window>();

  constructor(
    private readonly log: Log,
    private readonly windowMs = 60_000,
  ) {}

  write(level: Level, obj: object, msg: string): void {
    const key = `${level} ${msg.replace(/\d+/g, '#')}`;
    const open = this.#windows.get(key);
    if (open) {
      open.count++;
      return;
    }
    this.log[level](obj, msg);
    this.#open(key, { level, obj, msg, count: 0 });
  }

  #open(key: string, window: Window): void {
    window.count = 0;
    window.timer = setTimeout(() => {
      this.#windows.delete(key);
      if (!window.count) return;
      this.#report(window);
      this.#open(key, window);
    }, this.windowMs);
    // A window left open must not keep the process alive.
    window.timer.unref();
    this.#windows.set(key, window);
  }

  #report({ level, obj, msg, count }: Window): void {
    const window = this.windowMs < 1_000 ? `${this.windowMs} ms` : `${this.windowMs / 1_000} s`;
    this.log[level]({ ...obj, repeated: count }, `${msg} (${count} more like it in ${window})`);
  }

  /** Writes the counts not yet told and closes every window (the process is stopping). */
  flush(): void {
    for (const window of this.#windows.values()) {
      clearTimeout(window.timer);
      if (window.count) this.#report(window);
    }
    this.#windows.clear();
  }
}

interface Window {
  level: Level;
  obj: object;
  msg: string;
  count: number;
  timer?: NodeJS.Timeout;
}
