import { defineProject } from 'vitest/config';

// Used both as the `web` project of the root vitest config and on its own (`pnpm test` here).
// Option builders and other pure modules are tested without a DOM; scripts/ holds the codegen check.
export default defineProject({
  test: {
    name: 'web',
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
  },
});
