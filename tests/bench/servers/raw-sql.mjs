// The comparison for the hub's own overhead: a bare node:http endpoint that sends the very statements the hub
// sent for an operation (captured from the hub, see run.mjs) straight through `pg`, all at once on a pool of
// the hub's size, and answers with the rows as JSON. No GraphQL, no ORM, no validation: the floor.
// Usage: DATABASE_URL=... STATEMENTS=file.json PORT=... node tests/bench/servers/raw-sql.mjs
//   STATEMENTS: { "<operation>": [{ "sql": "...", "bindings": [...] }, ...], ... }; POST /<operation>
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';

// `pg` is the hub's own driver (a dependency of @hub/server): the same library, the same version.
const require = createRequire(new URL('../../../packages/server/package.json', import.meta.url));
const pg = require('pg');

const operations = JSON.parse(fs.readFileSync(process.env.STATEMENTS, 'utf8'));
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    const statements = operations[req.url.slice(1)];
    if (!statements) {
      res.writeHead(404).end();
      return;
    }
    try {
      const results = await Promise.all(statements.map((s) => pool.query(s.sql, s.bindings)));
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ data: results.map((r) => r.rows) }));
    } catch (e) {
      res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ errors: [{ message: e.message }] }));
    }
  });
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
