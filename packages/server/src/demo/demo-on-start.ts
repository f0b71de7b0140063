import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../common/logger.js';
import { loadDemoCounty } from './load.js';

/** Loads the demo county when the database holds no township yet; a database in use is never touched. */
export async function loadDemoIfEmpty(orm: MikroORM, log: Logger): Promise<boolean> {
  const knex = orm.em.getKnex();
  const [{ count }] = (await knex('township').count({ count: '*' })) as [{ count: string | number }];
  if (Number(count) > 0) return false;
  const started = Date.now();
  log.info('empty database: loading the demo county (演示数据, fictional) ...');
  const summary = await loadDemoCounty(knex, (m) => log.info(m));
  log.info(`demo county loaded in ${Date.now() - started} ms`, summary as unknown as Record<string, unknown>);
  return true;
}
