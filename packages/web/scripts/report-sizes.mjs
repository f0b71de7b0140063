// Prints the gzip size of every JS/CSS chunk in dist/ and the initial JS: what a first visit must
// download before the dashboard runs (the entry script plus the modules index.html preloads).
// Lazily loaded chunks (ECharts) are listed but not counted as initial. The GraphiQL page (graphiql.html, a
// build of its own) is reported on a line of its own and never counted in the dashboard's initial JS.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const distDir = fileURLToPath(new URL('../dist/', import.meta.url));

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function initialScripts(html) {
  const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)];
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)];
  return new Set([...entries, ...preloads].map((match) => match[1].replace(/^\//, '')));
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

const initial = initialScripts(readFileSync(join(distDir, 'index.html'), 'utf8'));
const graphiqlHtml = join(distDir, 'graphiql.html');
const graphiqlInitial = existsSync(graphiqlHtml) ? initialScripts(readFileSync(graphiqlHtml, 'utf8')) : new Set();
const chunks = listFiles(distDir)
  .map((file) => relative(distDir, file).split('\\').join('/'))
  .filter((name) => /\.(js|css)$/.test(name))
  .map((name) => {
    const content = readFileSync(join(distDir, name));
    return {
      name,
      raw: content.length,
      gzip: gzipSync(content).length,
      initial: initial.has(name),
      graphiql: graphiqlInitial.has(name),
    };
  })
  .sort((a, b) => b.gzip - a.gzip);

const nameWidth = Math.max(...chunks.map((chunk) => chunk.name.length));
console.log(`\n${'chunk'.padEnd(nameWidth)}  ${'raw'.padStart(10)}  ${'gzip'.padStart(10)}`);
for (const chunk of chunks) {
  const marker = chunk.initial ? '  initial' : chunk.graphiql ? '  graphiql page' : '';
  console.log(
    `${chunk.name.padEnd(nameWidth)}  ${kib(chunk.raw).padStart(10)}  ${kib(chunk.gzip).padStart(10)}${marker}`,
  );
}

const initialJs = chunks.filter((chunk) => chunk.initial && chunk.name.endsWith('.js'));
const totalGzip = initialJs.reduce((sum, chunk) => sum + chunk.gzip, 0);
console.log(`\ninitial JS (${initialJs.length} file${initialJs.length === 1 ? '' : 's'}): ${kib(totalGzip)} gzip`);

const graphiqlJs = chunks.filter((chunk) => chunk.graphiql && chunk.name.endsWith('.js'));
if (graphiqlJs.length) {
  const graphiqlGzip = graphiqlJs.reduce((sum, chunk) => sum + chunk.gzip, 0);
  console.log(`GraphiQL page JS at /graphiql, not the dashboard's (${graphiqlJs.length}): ${kib(graphiqlGzip)} gzip`);
}
