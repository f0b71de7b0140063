import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'tests',
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', 'bench/**'],
    globalSetup: ['../packages/server/src/test-support/global-setup.ts'],
    setupFiles: ['../packages/server/src/test-support/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    server: { deps: { inline: [/type-graphql/, /graphql/] } },
  },
});
