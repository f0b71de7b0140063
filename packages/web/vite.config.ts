import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The hub's server (packages/server) listens here in development.
const hubServer = 'http://localhost:4000';

/**
 * GraphiQL's stylesheet embeds its Roboto and Fira Code webfonts as data: URLs (~360 KiB). The GraphiQL page
 * uses local fonts instead (src/graphiql/graphiql.css), so drop the @font-face rules: a lighter page, and no
 * `font-src data:` needed in the Content-Security-Policy.
 */
export function stripGraphiqlWebfonts(): Plugin {
  return {
    name: 'hub:strip-graphiql-webfonts',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]graphiql[\\/]dist[\\/]style\.css$/.test(id.split('?')[0] ?? '')) return null;
      return { code: code.replace(/@font-face\s*\{[^}]*\}/g, ''), map: null };
    },
  };
}

// The dashboard (index.html). The GraphiQL page (graphiql.html) is a second build, vite.graphiql.config.ts, into
// the same dist/: two builds share no chunk, so GraphiQL never changes the dashboard's files. The dev server
// serves both pages.
export default defineConfig({
  plugins: [react(), stripGraphiqlWebfonts()],
  server: {
    proxy: {
      '/graphql': hubServer,
      '/healthz': hubServer,
      '/readyz': hubServer,
    },
  },
  build: {
    // The server serves this folder at `/`.
    outDir: 'dist',
    emptyOutDir: true,
    // The lazily loaded ECharts chunk (bar, map, scatter, geo, timeline...) is ~620 KiB minified and no
    // first paint waits for it; scripts/report-sizes.mjs reports every chunk and the initial JS.
    chunkSizeWarningLimit: 700,
  },
});
