import { defineConfig } from 'vitest/config';

// Each package is a vitest project; `pnpm test` runs them all, files in parallel on the machine's cores.
export default defineConfig({
  test: {
    projects: ['packages/schema', 'packages/server', 'packages/web', 'tests'],
  },
});
