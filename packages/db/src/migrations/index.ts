import { accounts } from './0001_accounts';
import { chat } from './0002_chat';
import { listings } from './0003_listings';
import { listingsCoveringIndexes } from './0004_listings_covering_indexes';
import type { Migration } from './types';

/** Every migration, in the order it runs. Add new ones at the end. */
export const migrations: Migration[] = [accounts, chat, listings, listingsCoveringIndexes];
