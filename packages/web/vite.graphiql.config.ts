// The GraphiQL page, /graphiql (graphiql.html → src/graphiql/main.tsx), built after the dashboard into the same
// dist/ (`pnpm build` runs both). Its own build so that none of its ~1.2 MB (CodeMirror 5, GraphiQL) and no
// shared chunk enters the dashboard's initial download; React is bundled again here, cached separately.
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import dashboardConfig from './vite.config.js';

export default mergeConfig(
  dashboardConfig,
  defineConfig({
    build: {
      // The dashboard's build has just filled dist/; add to it.
      emptyOutDir: false,
      // GraphiQL (React, graphql-js, markdown-it, framer-motion, Radix, the GraphQL language service) is one ~1 MB
      // entry (~330 KB gzip), loaded only at /graphiql; CodeMirror 5 and its addons come as lazy chunks.
      chunkSizeWarningLimit: 1100,
      rollupOptions: {
        input: { graphiql: fileURLToPath(new URL('graphiql.html', import.meta.url)) },
      },
    },
  }),
);
