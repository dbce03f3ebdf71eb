import type { Listing, User } from '../../api';

/** Staff write listings: agents and admins. */
export const isStaff = (user: User | null | undefined): user is User =>
  user?.role === 'agent' || user?.role === 'admin';

/** The server's rule for update and delete: the agent who listed it, or any admin. */
export function canManage(user: User | null | undefined, listing: Pick<Listing, 'agent'>): boolean {
  return user?.role === 'admin' || (user?.role === 'agent' && listing.agent?.id === user.id);
}
