import { type Listing, type SimilarListingsInput, similarListingsInput } from '@parley/validators';
import { QueryTypes } from 'sequelize';
import { notFound } from '../errors';
import { LISTING_COLUMNS, LISTING_JOINS, type ListingsDeps } from './search';
import { type ListingRowShape, toListing } from './serialize';

/**
 * Listings like this one: same town, type and rent type, nearest in price. Two short walks
 * of the (location, rent_type, price, id) index, one up and one down from its price, so
 * the cost does not grow with the town's size; the closer ones win.
 */
export async function similarListings(
  deps: Pick<ListingsDeps, 'sequelize'>,
  input: SimilarListingsInput,
): Promise<{ items: Listing[] }> {
  const { id, limit } = similarListingsInput.parse(input);
  const rows = await deps.sequelize.query<ListingRowShape>(
    `WITH me AS (SELECT id, location, rent_type, property_type, price FROM listings WHERE id = $1::uuid),
     near AS (
       (SELECT l.id, l.price FROM listings l, me
         WHERE l.location = me.location AND l.rent_type = me.rent_type
           AND l.property_type = me.property_type AND l.price >= me.price AND l.id <> me.id
         ORDER BY l.price ASC, l.id ASC LIMIT $2)
       UNION ALL
       (SELECT l.id, l.price FROM listings l, me
         WHERE l.location = me.location AND l.rent_type = me.rent_type
           AND l.property_type = me.property_type AND l.price < me.price
         ORDER BY l.price DESC, l.id DESC LIMIT $2)
     ),
     picked AS (
       SELECT near.id, abs(near.price - me.price) AS distance FROM near, me
       ORDER BY distance, near.id LIMIT $2
     )
     SELECT ${LISTING_COLUMNS} FROM picked p JOIN listings l ON l.id = p.id ${LISTING_JOINS}
     ORDER BY p.distance, p.id`,
    { bind: [id, limit], type: QueryTypes.SELECT, raw: true },
  );
  if (rows.length === 0) {
    // Nothing alike: say so, unless the listing itself is not there.
    const [found] = await deps.sequelize.query<{ ok: number }>(
      'SELECT 1 AS ok FROM listings WHERE id = $1::uuid',
      { bind: [id], type: QueryTypes.SELECT, raw: true },
    );
    if (!found) throw notFound('Listing');
  }
  return { items: rows.map(toListing) };
}
