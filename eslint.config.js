import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'compose/**', 'locust/**', '__tests__/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The CLI and scripts talk to a terminal; the action logs through @actions/core.
    files: ['src/cli.ts', 'src/cli/**', 'scripts/**', '__tests__/**'],
    rules: { 'no-console': 'off' },
  },
);
