import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/test-support/global-setup.ts'],
    setupFiles: ['src/test-support/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // type-graphql and graphql must load once, through Vite, or graphql sees two realms.
    server: { deps: { inline: [/type-graphql/, /graphql/] } },
  },
});
