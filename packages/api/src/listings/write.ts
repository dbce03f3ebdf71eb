import { type Models, newId, withTransaction } from '@parley/db';
import {
  findTown,
  idInput,
  type Listing,
  type ListingCreateInput,
  type ListingUpdateInput,
  listingCreateInput,
  listingUpdateInput,
} from '@parley/validators';
import { TRPCError } from '@trpc/server';
import { notFound } from '../errors';
import { listingsChanged } from './cache';
import { findListingRow, type ListingsDeps } from './search';
import { type ListingRowShape, toListing } from './serialize';

export interface ListingsWriteDeps extends ListingsDeps {
  models: Pick<Models, 'Listing'>;
  clock: () => Date;
}

/** Who is changing a listing: its creator may, and so may an admin (or an admin's key). */
export interface ListingActor {
  userId: string;
  /** An admin, or a key of an admin's. */
  canWriteAny: boolean;
}

function place(location: string): { location: string; district: string } {
  const town = findTown(location);
  if (!town)
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'location: is not a town Parley knows' });
  return { location: town.name, district: town.district };
}

type Instance = InstanceType<Models['Listing']>;

/** The listing as readers see it (with its agent), read back after the write committed. */
async function readBack(deps: ListingsWriteDeps, id: string): Promise<Listing> {
  const row = await findListingRow(deps.sequelize, id);
  if (!row) throw notFound('Listing');
  return toListing(row);
}

/**
 * Every write commits in one transaction, THEN bumps the cache version: a reader can
 * never cache the pre-write answer under the new version, and once the call returns no
 * instance serves an answer older than the write.
 */
async function committed<T>(
  deps: ListingsWriteDeps,
  work: Parameters<typeof withTransaction<T>>[1],
) {
  const result = await withTransaction(deps.sequelize, work);
  await listingsChanged(deps.cache);
  return result;
}

export async function createListing(
  deps: ListingsWriteDeps,
  input: ListingCreateInput,
  createdBy: string | null,
): Promise<Listing> {
  const fields = listingCreateInput.parse(input);
  const now = deps.clock();
  const instance = await committed(deps, (transaction) =>
    deps.models.Listing.create(
      {
        id: newId(),
        ...fields,
        ...place(fields.location),
        price: fields.price.toFixed(2),
        features: [...new Set(fields.features)],
        createdBy,
        createdAt: now,
        updatedAt: now,
      },
      { transaction },
    ),
  );
  return readBack(deps, instance.id);
}

function assertMayWrite(row: Instance, actor: ListingActor): void {
  if (actor.canWriteAny || row.createdBy === actor.userId) return;
  // Listings are public, so saying it exists leaks nothing; FORBIDDEN tells the caller why.
  throw new TRPCError({
    code: 'FORBIDDEN',
    message: 'Only its creator or an admin may change this listing',
  });
}

export async function updateListing(
  deps: ListingsWriteDeps,
  input: ListingUpdateInput,
  actor: ListingActor,
): Promise<Listing> {
  const { id, ...changes } = listingUpdateInput.parse(input);
  const updated = await withTransaction(deps.sequelize, async (transaction) => {
    const row = await deps.models.Listing.findByPk(id, {
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!row) throw notFound('Listing');
    assertMayWrite(row, actor);
    const patch: Partial<ListingRowShape> = {};
    for (const [field, value] of Object.entries(changes)) {
      if (value !== undefined) (patch as Record<string, unknown>)[field] = value;
    }
    if (changes.location !== undefined) Object.assign(patch, place(changes.location));
    if (changes.price !== undefined) patch.price = changes.price.toFixed(2);
    if (changes.features !== undefined) patch.features = [...new Set(changes.features)];
    if (!Object.keys(patch).length) return { row, changed: false };
    row.set({ ...patch, updatedAt: deps.clock() } as Partial<Instance>);
    await row.save({ transaction });
    return { row, changed: true };
  });
  if (updated.changed) await listingsChanged(deps.cache);
  return readBack(deps, updated.row.id);
}

export async function deleteListing(
  deps: ListingsWriteDeps,
  listingId: string,
  actor: ListingActor,
): Promise<{ ok: true }> {
  const { id } = idInput.parse({ id: listingId });
  await committed(deps, async (transaction) => {
    const row = await deps.models.Listing.findByPk(id, {
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!row) throw notFound('Listing');
    assertMayWrite(row, actor);
    await row.destroy({ transaction });
  });
  return { ok: true };
}
