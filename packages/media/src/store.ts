/** Where pictures live: a folder on one machine, or a bucket several instances share. */
export interface MediaStore {
  readonly kind: 'disk' | 's3';
  /** Stores `bytes` under `name` (e.g. `u0123.../card.webp`), replacing what was there. */
  put(name: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The bytes under `name`, or null when there are none. */
  get(name: string): Promise<Buffer | null>;
  /** Deletes what is under `name`; a name with nothing under it is already deleted. */
  delete(name: string): Promise<void>;
}

const SAFE_NAME = /^[a-z0-9-]{1,64}\/(card|page)\.webp$/;

/** Names come from keys Parley made; anything else (`..`, slashes) never reaches a store. */
export function assertSafeName(name: string): void {
  if (!SAFE_NAME.test(name)) throw new RangeError(`not a media object name: ${name}`);
}
