import 'reflect-metadata';
import pg from 'pg';
const { openOrm } = await import('/work/main/packages/server/dist/db/orm.js');
const { createMigration } = await import('/work/main/packages/server/dist/db/migrations.js');
const c = new pg.Client('postgresql://postgres@127.0.0.1:5432/postgres'); await c.connect();
await c.query('drop database if exists hub_mig'); await c.query('create database hub_mig'); await c.end();
const orm = await openOrm('postgresql://postgres@127.0.0.1:5432/hub_mig');
console.log(await createMigration(orm, process.argv[2]));
await orm.close();
