/**
 * A small async queue between bus callbacks and a subscription's generator. Bounded: a
 * consumer that falls this far behind is cut off and resumes from the database.
 */
export class EventQueue<T> {
  #items: T[] = [];
  #waiting: ((value: T | undefined) => void) | undefined;
  #overflowed = false;

  constructor(private readonly capacity = 1_000) {}

  get overflowed(): boolean {
    return this.#overflowed;
  }

  /** Items waiting to be taken. */
  get size(): number {
    return this.#items.length;
  }

  push(item: T): void {
    if (this.#waiting) {
      const resolve = this.#waiting;
      this.#waiting = undefined;
      resolve(item);
      return;
    }
    if (this.#items.length >= this.capacity) {
      this.#overflowed = true;
      return;
    }
    this.#items.push(item);
  }

  /** The next item, or undefined once `signal` aborts. */
  next(signal: AbortSignal): Promise<T | undefined> {
    const item = this.#items.shift();
    if (item !== undefined) return Promise.resolve(item);
    if (signal.aborted) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const onAbort = () => {
        this.#waiting = undefined;
        resolve(undefined);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.#waiting = (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      };
    });
  }
}
