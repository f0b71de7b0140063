import crypto from 'node:crypto';
import pg from 'pg';
import { MIGRATIONS } from '../migrations/index.js';
import { loadDemoCounty } from '../demo/load.js';
import { openOrm } from '../db/orm.js';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(adminUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Creates (once per migration set and demo generator version) the template databases. Their names carry a
 * hash of the migrations, so a changed schema gets a fresh template and parallel runs never share a stale one.
 */
export async function prepareTemplates(adminUrl: string): Promise<{ empty: string; demo: string }> {
  const hash = crypto
    .createHash('sha1')
    .update(MIGRATIONS.map((m) => m.name).join(','))
    .update(String(process.pid))
    .digest('hex')
    .slice(0, 10);
  const names = { empty: `hub_tpl_empty_${hash}`, demo: `hub_tpl_demo_${hash}` };
  for (const [kind, name] of Object.entries(names)) {
    await adminQuery(adminUrl, `drop database if exists ${name}`);
    await adminQuery(adminUrl, `create database ${name}`);
    const orm = await openOrm(withDatabase(adminUrl, name), { pool: { min: 0, max: 2 } });
    try {
      await orm.getMigrator().up();
      if (kind === 'demo') await loadDemoCounty(orm.em.getKnex());
    } finally {
      await orm.close(true);
    }
  }
  return names;
}
