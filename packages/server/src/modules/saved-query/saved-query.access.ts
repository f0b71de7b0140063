// Who may see a saved query. One rule, two translations: a predicate for one record and a knex WHERE for
// lists, so `savedQueries` lists exactly what `savedQuery(id)` and `runSavedQuery(id)` let through.
import type { Knex } from '@mikro-orm/postgresql';
import type { Viewer } from '../../common/viewer.js';
import { type SavedQueryRecord, SavedQueryVisibility } from './saved-query.entity.js';

const signedIn = (viewer: Viewer) => viewer.kind !== 'anonymous' && viewer.id != null;

/**
 * The owner as stored: kind and id together, because users and API keys are numbered apart (user 3 and key 3
 * are different callers).
 */
export const ownerIdOf = (viewer: Viewer): string => `${viewer.kind}:${viewer.id}`;

/** Sharing with USERS names people by login; a key's name is chosen freely, so it never matches one. */
const loginOf = (viewer: Viewer): string | null => (viewer.kind === 'user' ? viewer.name : null);

export const isOwner = (viewer: Viewer, q: Pick<SavedQueryRecord, 'ownerId'>): boolean =>
  signedIn(viewer) && q.ownerId === ownerIdOf(viewer);

/** The owner always; others by visibility. Anonymous callers see nothing. */
export function canSee(
  viewer: Viewer,
  q: Pick<SavedQueryRecord, 'ownerId' | 'visibility' | 'sharedWithRoles' | 'sharedWithUsers'>,
): boolean {
  if (!signedIn(viewer)) return false;
  if (isOwner(viewer, q)) return true;
  switch (q.visibility) {
    case SavedQueryVisibility.PUBLIC:
      return true;
    case SavedQueryVisibility.ROLES:
      return viewer.role != null && q.sharedWithRoles.includes(viewer.role);
    case SavedQueryVisibility.USERS:
      return loginOf(viewer) != null && q.sharedWithUsers.includes(loginOf(viewer)!);
    default:
      return false;
  }
}

/** The same rule over `saved_query as q`. */
export function whereVisible(qb: Knex.QueryBuilder, viewer: Viewer): Knex.QueryBuilder {
  if (!signedIn(viewer)) return qb.whereRaw('false');
  return qb.where((w) => {
    w.where('q.owner_id', ownerIdOf(viewer)).orWhere('q.visibility', SavedQueryVisibility.PUBLIC);
    const login = loginOf(viewer);
    if (login)
      w.orWhere((u) => {
        u.where('q.visibility', SavedQueryVisibility.USERS).whereRaw('? = any(q.shared_with_users)', [login]);
      });
    if (viewer.role)
      w.orWhere((r) => {
        r.where('q.visibility', SavedQueryVisibility.ROLES).whereRaw('? = any(q.shared_with_roles)', [viewer.role]);
      });
  });
}
