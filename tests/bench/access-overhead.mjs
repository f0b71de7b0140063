#!/usr/bin/env node
// Benchmark (not part of `pnpm test`): what township scoping, personal-data masking and the audit trail cost
// per request. Runs the same operations through the real schema (graphql-js `execute`) against a database
// with the demo county, as a county-wide ANALYST, as a township-limited ANALYST and as PARTNER, and times
// `recordAudit` (one INSERT). Prints the median per operation and the ratios.
//
//   pnpm build && DATABASE_URL=postgresql://postgres@127.0.0.1:5432/<db with the demo> node tests/bench/access-overhead.mjs [rounds=200]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { graphql } from 'graphql';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '../../packages/server/dist');
const { openOrm } = await import(`${dist}/db/orm.js`);
const { createContext } = await import(`${dist}/common/context.js`);
const { createLogger } = await import(`${dist}/common/logger.js`);
const { ANONYMOUS } = await import(`${dist}/common/viewer.js`);
const { hubSchema } = await import(`${dist}/graphql/schema.js`);
const { recordAudit, flushAuditWrites } = await import(`${dist}/modules/audit/audit.js`);

const rounds = Number(process.argv[2] ?? 200);
const orm = await openOrm(process.env.DATABASE_URL);
const log = createLogger('warn');
const schema = await hubSchema();
const [{ code }] = await orm.em
  .getConnection()
  .execute(
    'select t.code from township t join accident a on a.township_id = t.id group by t.code order by count(*) desc limit 1',
  );

const viewers = {
  county: { ...ANONYMOUS, kind: 'user', id: '1', name: 'analyst', role: 'ANALYST' },
  township: { ...ANONYMOUS, kind: 'user', id: '2', name: 'analyst-t', role: 'ANALYST', townshipCode: code },
  partner: { ...ANONYMOUS, kind: 'key', id: '3', name: 'partner', role: 'PARTNER' },
};
const operations = {
  accidentList:
    '{ accidents(first: 100) { totalCount nodes { id occurredAt summary cause place township { name } } } }',
  hazardList: '{ hazards(first: 100) { totalCount nodes { id foundOn description status township { name } } } }',
  accidentStats: '{ accidentStats(groupBy: [TOWNSHIP, SECTOR]) { total { accidents deaths } groups { accidents } } }',
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(source, viewer) {
  const samples = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    const res = await graphql({ schema, source, contextValue: createContext(orm, log, viewer) });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    samples.push(performance.now() - started);
  }
  return median(samples);
}

console.log(`rounds ${rounds}; township ${code}; median ms`);
for (const [name, source] of Object.entries(operations)) {
  await time(source, viewers.county); // warm-up
  const county = await time(source, viewers.county);
  const township = await time(source, viewers.township);
  const partner = await time(source, viewers.partner);
  console.log(
    `${name.padEnd(14)} county ${county.toFixed(2)}  township-limited ${township.toFixed(2)} (×${(township / county).toFixed(2)})  ` +
      `PARTNER masked ${partner.toFixed(2)} (×${(partner / county).toFixed(2)})`,
  );
}
const samples = [];
for (let i = 0; i < rounds; i++) {
  const started = performance.now();
  await recordAudit(
    orm.em.fork(),
    {
      viewer: viewers.partner,
      operationName: 'bench',
      operationType: 'query',
      variables: { i },
      outcome: 'ok',
      clientIp: '127.0.0.1',
    },
    log,
  );
  samples.push(performance.now() - started);
}
await flushAuditWrites();
console.log(`recordAudit (one INSERT, awaited; the server does not await it) median ${median(samples).toFixed(2)} ms`);
await orm.close(true);
