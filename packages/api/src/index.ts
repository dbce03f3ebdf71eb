export {
  MATCH_TASK,
  MATCHING_SEARCHES,
  MATCHING_SEARCHES_NAIVE,
  type MatchJobPayload,
  matchColumns,
  matchListings,
  probeKeys,
} from './alerts';
export {
  type Credential,
  credentialFrom,
  credentialFromHeaders,
  type Identity,
} from './auth/credentials';
export type { ApiConfig } from './config';
export {
  type ApiServices,
  type Connection,
  type Context,
  type ContextInput,
  createContextFactory,
  type RefreshCookie,
} from './context';
export { RateLimitedError, tagRequestId } from './errors';
export { attachSocket, fanoutEncoder, type LiveSocket } from './events/fanout';
export { CATCH_UP_CHANNEL } from './events/protocol';
export { createServices, InstanceState } from './instance';
export {
  buildSearchSql,
  createListing,
  deleteListing,
  getListing,
  type ListingActor,
  type ListingsCache,
  type ListingsDeps,
  type ListingsWriteDeps,
  listingsChanged,
  listingsDeps,
  planSearch,
  searchListings,
  updateListing,
} from './listings';
export {
  answerCachedSearch,
  type CachedSearchAnswer,
  type SearchLanePrefetch,
} from './listings/lane';
export { defineMediaTasks, recordUpload } from './media/sweep';
export { authorizeMediaUpload } from './media/upload-access';
export { openApiDocument, REST_PREFIX } from './rest/document';
export { type RestRoute, type RestRouter, restRouter, restRoutes } from './rest/router';
export { type AppRouter, appRouter } from './router';
export { CANCEL_CHANNEL, closeRuns } from './runs/executor';
export { defineTasks } from './tasks';
export { createCallerFactory, type ErrorData } from './trpc';
export { DELIVERY_LANE } from './webhooks/schedule';
export { sealPlaintextSecrets } from './webhooks/sealing';
