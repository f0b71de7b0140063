import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from './logger.js';
import { scopeEntityManager } from './township-scope.js';
import { ANONYMOUS, type Viewer } from './viewer.js';

/** What every resolver gets: a forked EntityManager of its own (its identity map lives one request). */
export interface HubContext {
  em: EntityManager;
  orm: MikroORM;
  log: Logger;
  viewer: Viewer;
  /** The caller's IP address (for the audit trail); absent outside HTTP (tests, the command line). */
  clientIp?: string | null;
}

/** The request's context; its EntityManager already sees only the viewer's township (see township-scope.ts). */
export function createContext(
  orm: MikroORM,
  log: Logger,
  viewer: Viewer = ANONYMOUS,
  clientIp: string | null = null,
): HubContext {
  return { em: scopeEntityManager(orm.em.fork(), viewer) as EntityManager, orm, log, viewer, clientIp };
}
