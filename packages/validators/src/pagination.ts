import { z } from 'zod';

/** Cursor pagination input shared by every list procedure (no offsets). */
export const pageInput = z.object({
  cursor: z.string().max(512).nullish(),
  limit: z.number().int().min(1).max(100).default(20),
});
export type PageInput = z.infer<typeof pageInput>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
