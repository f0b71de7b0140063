import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The hub's server (packages/server) listens here in development.
const hubServer = 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
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
