import { accounts } from './0001_accounts';
import { chat } from './0002_chat';
import { listings } from './0003_listings';
import { listingsCoveringIndexes } from './0004_listings_covering_indexes';
import { conversationLive } from './0006_conversation_live';
import { listingsMapFavorites } from './0007_listings_map_favorites';
import { guests } from './0008_guests';
import { runHeartbeats } from './0009_run_heartbeats';
import { handoff } from './0010_handoff';
import { integrations } from './0011_integrations';
import { savedSearchesAlerts } from './0012_saved_searches_alerts';
import { webhookOrder } from './0013_webhook_order';
import { listingsBoxIndex } from './0014_listings_box_index';
import { listingsByAgent } from './0015_listings_by_agent';
import { inboxPruning } from './0017_inbox_pruning';
import { webhookSecretsSealed } from './0019_webhook_secrets_sealed';
import { listingsFeatureStatistics } from './0020_listings_feature_statistics';
import { listingsTownNewest } from './0021_listings_town_newest';
import { sessionsMadeByKey } from './0022_sessions_made_by_key';
import { cursorTimesInMilliseconds } from './0023_cursor_times_in_milliseconds';
import { webhookOwnerShare } from './0024_webhook_owner_share';
import { mediaUploads } from './0025_media_uploads';
import type { Migration } from './types';

/** Every migration, in the order it runs: by number (numbers are reserved ahead, so a later one may land first). */
export const migrations: Migration[] = [
  accounts,
  chat,
  listings,
  listingsCoveringIndexes,
  conversationLive,
  listingsMapFavorites,
  guests,
  runHeartbeats,
  handoff,
  integrations,
  savedSearchesAlerts,
  webhookOrder,
  listingsBoxIndex,
  listingsByAgent,
  inboxPruning,
  webhookSecretsSealed,
  listingsFeatureStatistics,
  listingsTownNewest,
  sessionsMadeByKey,
  cursorTimesInMilliseconds,
  webhookOwnerShare,
  mediaUploads,
];
