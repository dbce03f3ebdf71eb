import {
  idInput,
  listingCreateInput,
  listingQuery,
  listingUpdateInput,
  similarListingsInput,
} from '@parley/validators';
import type { Identity } from '../auth/credentials';
import { enforce, limitsFor } from '../auth/limits';
import { notFound } from '../errors';
import {
  createListing,
  deleteListing,
  getListing,
  type ListingActor,
  listingsDeps,
  searchListings,
  similarListings,
  updateListing,
} from '../listings';
import { optionalIdentityProcedure, roleOrScopeProcedure, router } from '../trpc';

/**
 * Signed-in people and `listings:read` keys are not held to the per-IP search limit. A
 * guest is: anyone gets a guest token with one call, so it proves nothing.
 */
function exemptFromIpLimit(identity: Identity | null): boolean {
  if (!identity) return false;
  if (identity.kind === 'user') return identity.role !== 'guest';
  return identity.kind === 'apiKey' && identity.scopes.includes('listings:read');
}

/**
 * update/delete: the caller (a user, or a key acting as its owner) changes the listings
 * its owner created; only an admin, or an admin's key, changes anyone's. The role is the
 * owner's current one (read on use).
 */
function actorOf(identity: Extract<Identity, { kind: 'user' | 'apiKey' }>): ListingActor {
  return { userId: identity.userId, canWriteAny: identity.role === 'admin' };
}

/**
 * Staff now (agent or admin), or a `listings:write` key whose owner is: a key keeps that
 * scope only while its owner's role allows it. The listing decides the rest.
 */
const listingWriter = roleOrScopeProcedure(['agent', 'admin'], 'listings:write');

export const listingsRouter = router({
  search: optionalIdentityProcedure.input(listingQuery).query(({ ctx, input }) => {
    if (exemptFromIpLimit(ctx.identity)) return searchListings(listingsDeps(ctx.services), input);
    // The HTTP lane for cached searches may have consumed the limit and read the cache
    // for this very request already: reused, never done twice.
    const prefetched = ctx.searchPrefetch ?? null;
    const gate = prefetched?.gate ?? enforce([limitsFor(ctx.services).searchPerIp, ctx.ip]);
    // Handled here too, so a search that fails before awaiting it leaves no unhandled
    // rejection; the search itself still awaits it and fails with it.
    gate.catch(() => {});
    return searchListings(listingsDeps(ctx.services), input, { gate, prefetched });
  }),
  // Public, like search, and like search a credential that is sent must be valid: a
  // client learns its token went bad from any call, not only some.
  get: optionalIdentityProcedure.input(idInput).query(async ({ ctx, input }) => {
    const listing = await getListing(listingsDeps(ctx.services), input.id);
    if (!listing) throw notFound('Listing');
    return listing;
  }),
  similar: optionalIdentityProcedure
    .input(similarListingsInput)
    .query(({ ctx, input }) => similarListings(listingsDeps(ctx.services), input)),
  create: listingWriter
    .input(listingCreateInput)
    .mutation(({ ctx, input }) =>
      createListing(listingsDeps(ctx.services), input, ctx.identity.userId),
    ),
  update: listingWriter
    .input(listingUpdateInput)
    .mutation(({ ctx, input }) =>
      updateListing(listingsDeps(ctx.services), input, actorOf(ctx.identity)),
    ),
  delete: listingWriter
    .input(idInput)
    .mutation(({ ctx, input }) =>
      deleteListing(listingsDeps(ctx.services), input.id, actorOf(ctx.identity)),
    ),
});
