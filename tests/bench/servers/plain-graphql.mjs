// The comparison for the hub's fixed cost per request: plain graphql-js (the hub's own copy and version) behind
// the same node:http stack as the hub — read the body, JSON.parse, execute, JSON.stringify — with a one-field
// schema. `{ __typename }` against it measures what a GraphQL request costs at the least.
// Usage: PORT=... node tests/bench/servers/plain-graphql.mjs; POST /graphql
import http from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../../packages/server/package.json', import.meta.url));
const { graphql, buildSchema } = require('graphql');

const schema = buildSchema('type Query { ok: Boolean }');
const rootValue = { ok: true };

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(400).end();
      return;
    }
    const result = await graphql({
      schema,
      source: body.query,
      rootValue,
      variableValues: body.variables,
      operationName: body.operationName,
    });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(result));
  });
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
