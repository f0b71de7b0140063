import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from './logger.js';

/** What every resolver gets: a forked EntityManager of its own (its identity map lives one request). */
export interface HubContext {
  em: EntityManager;
  orm: MikroORM;
  log: Logger;
}

export function createContext(orm: MikroORM, log: Logger): HubContext {
  return { em: orm.em.fork(), orm, log };
}
