import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.data/**',
      'packages/server/src/migrations/Migration*.ts',
      'tests/artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Test assertions read GraphQL results whose shapes the tests spell out.
      '@typescript-eslint/no-explicit-any': 'off',
      // type-graphql and MikroORM need classes with decorators and the Function type in places.
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
);
