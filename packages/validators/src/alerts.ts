import { z } from 'zod';
import { uuid } from './ids';
import { type Listing, type SearchFacts, searchFacts } from './listings';
import { townsMatching } from './locations';
import { pageInput } from './pagination';
import { safeText } from './safe';

const searchName = safeText().trim().min(1).max(100);

/**
 * Facts a person states directly (a saved search, a corrected memory), checked as the
 * assistant's own would be: no unknown key (a misspelt one would be dropped and the rest
 * replaced without it), places Parley knows, no minimum above its maximum.
 */
export const statedFacts = searchFacts.strict().superRefine((facts, ctx) => {
  if (facts.location !== undefined && townsMatching(facts.location).length === 0) {
    ctx.addIssue({ code: 'custom', path: ['location'], message: 'is not a town Parley knows' });
  }
  facts.excludeLocations?.forEach((place, i) => {
    if (townsMatching(place).length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['excludeLocations', i],
        message: 'is not a town Parley knows',
      });
    }
  });
  if (
    facts.minBedrooms !== undefined &&
    facts.maxBedrooms !== undefined &&
    facts.minBedrooms > facts.maxBedrooms
  ) {
    ctx.addIssue({ code: 'custom', path: ['minBedrooms'], message: 'must not exceed maxBedrooms' });
  }
  if (
    facts.minPrice !== undefined &&
    facts.maxPrice !== undefined &&
    facts.minPrice > facts.maxPrice
  ) {
    ctx.addIssue({ code: 'custom', path: ['minPrice'], message: 'must not exceed maxPrice' });
  }
});

/**
 * Facts worth watching: stated facts, at least one of them (a search for everything would
 * alert on every listing). What the assistant saves from a conversation when asked.
 */
export const searchWorthFacts = statedFacts.superRefine((facts, ctx) => {
  const given = Object.entries(facts).filter(
    ([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0),
  );
  if (given.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'must name at least one filter' });
  }
});

/**
 * What `searches.create` watches: facts worth watching that name a place Parley knows
 * (`location`), so one search cannot watch every town at once.
 */
export const savedSearchQuery = searchWorthFacts.superRefine((facts, ctx) => {
  if (facts.location === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['location'],
      message: 'is required: name a town or district Parley knows (Girne, Kyrenia, ...)',
    });
  }
});

export const savedSearchCreateInput = z.object({
  /** Taken from the query when left out ("2+ bedrooms in Girne, under 1,000"). */
  name: searchName.optional(),
  query: savedSearchQuery,
  /** The conversation it was saved from: its alerts also arrive there. */
  conversationId: uuid().optional(),
});
export type SavedSearchCreateInput = z.input<typeof savedSearchCreateInput>;

export const savedSearchListInput = pageInput.default({ limit: 20 });
export const savedSearchUpdateInput = z.object({
  id: uuid(),
  name: searchName.optional(),
  paused: z.boolean().optional(),
});
export type SavedSearchUpdateInput = z.input<typeof savedSearchUpdateInput>;

export interface SavedSearch {
  id: string;
  name: string;
  query: SearchFacts;
  conversationId: string | null;
  paused: boolean;
  lastAlertAt: Date | null;
  createdAt: Date;
}

export const ALERT_REASONS = ['new', 'price_drop'] as const;
export type AlertReason = (typeof ALERT_REASONS)[number];

export interface Alert {
  id: string;
  savedSearchId: string;
  listing: Listing;
  reason: AlertReason;
  /** The price before the drop, as an exact decimal ("950.00"); null for a new listing. */
  previousPrice: string | null;
  read: boolean;
  createdAt: Date;
}

export const alertListInput = pageInput
  .extend({ unreadOnly: z.boolean().optional() })
  .default({ limit: 20 });
export type AlertListInput = z.input<typeof alertListInput>;

export interface AlertPage {
  items: Alert[];
  nextCursor: string | null;
  /** The person's unread alerts, all of them (not only this page's). */
  unread: number;
  /** Where `alerts.events` picks up after what this answer knows of ("0": nothing yet). */
  lastEventId: string;
}

const alertIds = z.array(uuid()).min(1).max(100);

/**
 * `{ ids }` or `{ all: true }`, one of the two. Checked as one object so that a wrong shape
 * names the field at fault (`ids` or `all`) rather than "Invalid input" for the whole.
 */
export const alertMarkReadInput = z
  .object({
    ids: alertIds.optional(),
    all: z.literal(true, { error: 'must be true (or give ids instead)' }).optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.ids !== undefined && input.all !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['all'],
        message: 'give either ids or all: true, not both',
      });
    } else if (input.ids === undefined && input.all === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['ids'],
        message: 'is required: give ids (1 to 100 alert ids) or all: true',
      });
    }
  }) as unknown as z.ZodType<{ ids: string[] } | { all: true }, { ids: string[] } | { all: true }>;
export type AlertMarkReadInput = z.input<typeof alertMarkReadInput>;
export const alertEventsInput = z.object({ lastEventId: z.string().max(64).nullish() }).default({});

export type AlertEvent = { type: 'alert.created'; alert: Alert };
