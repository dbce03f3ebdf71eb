export {
  type Credential,
  credentialFrom,
  credentialFromHeaders,
  type Identity,
} from './auth/credentials';
export { attachSocket, fanoutEncoder, type LiveSocket } from './chat/fanout';
export { sweepExpiredSessions } from './chat/sessions';
export type { ApiConfig } from './config';
export { type ApiServices, type Context, type ContextInput, createContextFactory } from './context';
export { tagRequestId } from './errors';
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
export { type AppRouter, appRouter } from './router';
export { createCallerFactory, type ErrorData } from './trpc';
