// Benchmark only: PostGraphile 4 with @graphile/pg-aggregates (grouped aggregates) and the connection filter
// (date ranges), over node:http, on the hub's database. Month buckets are read in the county's time zone, as
// the hub reads them: every pooled connection runs with TimeZone=Asia/Shanghai.
// Usage: DATABASE_URL=... PORT=... node tests/bench/postgraphile/server.mjs  (prints "listening <port>")
import http from 'node:http';
import PgAggregates from '@graphile/pg-aggregates';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import ConnectionFilterPlugin from 'postgraphile-plugin-connection-filter';

const PgAggregatesPlugin = PgAggregates.default ?? PgAggregates;

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
// PGOPTIONS: the session settings the hub uses (work_mem), passed by run.mjs so both run alike.
const options = ['-c TimeZone=Asia/Shanghai', process.env.PGOPTIONS].filter(Boolean).join(' ');
const pool = new pg.Pool({ connectionString: url, max: 10, options });

const middleware = postgraphile(pool, 'public', {
  appendPlugins: [PgAggregatesPlugin, ConnectionFilterPlugin],
  graphqlRoute: '/graphql',
  disableQueryLog: true,
  disableDefaultMutations: true,
  ignoreRBAC: true,
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  retryOnInitFail: false,
});

const server = http.createServer(middleware);
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
