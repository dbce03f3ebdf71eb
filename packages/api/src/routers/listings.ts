import { idInput, listingCreateInput, listingQuery, listingUpdateInput } from '@parley/validators';
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
  updateListing,
} from '../listings';
import {
  optionalIdentityProcedure,
  publicProcedure,
  roleOrScopeProcedure,
  router,
  scopedProcedure,
} from '../trpc';

/** Signed-in people and `listings:read` keys are not held to the per-IP search limit. */
function exemptFromIpLimit(identity: Identity | null): boolean {
  if (!identity) return false;
  if (identity.kind === 'user') return true;
  return identity.kind === 'apiKey' && identity.scopes.includes('listings:read');
}

/** update/delete: a user is checked against the creator; admins and write keys may change any. */
function actorOf(identity: Extract<Identity, { kind: 'user' | 'apiKey' }>): ListingActor {
  return {
    userId: identity.userId,
    canWriteAny:
      identity.kind === 'apiKey'
        ? identity.scopes.includes('listings:write')
        : identity.role === 'admin',
  };
}

/** scopedProcedure lets users and `listings:write` keys through; the listing decides the rest. */
const listingWriter = scopedProcedure('listings:write');

export const listingsRouter = router({
  search: optionalIdentityProcedure.input(listingQuery).query(({ ctx, input }) => {
    if (exemptFromIpLimit(ctx.identity)) return searchListings(listingsDeps(ctx.services), input);
    const gate = enforce([limitsFor(ctx.services).searchPerIp, ctx.ip]);
    // Handled here too, so a search that fails before awaiting it leaves no unhandled
    // rejection; the search itself still awaits it and fails with it.
    gate.catch(() => {});
    return searchListings(listingsDeps(ctx.services), input, { gate });
  }),
  get: publicProcedure.input(idInput).query(async ({ ctx, input }) => {
    const listing = await getListing(listingsDeps(ctx.services), input.id);
    if (!listing) throw notFound('Listing');
    return listing;
  }),
  create: roleOrScopeProcedure(['agent', 'admin'], 'listings:write')
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
