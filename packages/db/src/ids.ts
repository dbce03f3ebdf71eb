import { v7 } from 'uuid';

/** Time-ordered UUIDv7: sorts by creation and keeps index inserts at the right edge. */
export function newId(): string {
  return v7();
}
