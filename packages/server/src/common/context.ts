import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from './logger.js';
import { ANONYMOUS, type Viewer } from './viewer.js';

/** What every resolver gets: a forked EntityManager of its own (its identity map lives one request). */
export interface HubContext {
  em: EntityManager;
  orm: MikroORM;
  log: Logger;
  viewer: Viewer;
}

export function createContext(orm: MikroORM, log: Logger, viewer: Viewer = ANONYMOUS): HubContext {
  return { em: orm.em.fork(), orm, log, viewer };
}
