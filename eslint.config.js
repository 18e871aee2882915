import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The architecture as a rule (ARCHITECTURE.md): edges import the core, never the reverse;
// the stack knows nothing of the CLI or GitHub; publish/ serves the action only.
const EDGES = ['cli', 'action', 'stack', 'publish', 'bin'];
const edge = (name) => `./src/${name}`;
const layerZones = [
  { target: './src/core', from: EDGES.map(edge), message: 'The core is pure: edges import it, never the reverse.' },
  { target: './src/stack', from: ['cli', 'action', 'publish', 'bin'].map(edge), message: 'stack/ runs Docker; it knows nothing of the CLI or GitHub.' },
  { target: './src/publish', from: ['cli', 'action', 'stack', 'bin'].map(edge), message: 'publish/ talks to GitHub for action/; it imports only the core.' },
  { target: './src/cli', from: ['action', 'publish', 'bin'].map(edge), message: 'The CLI never touches GitHub.' },
  { target: './src/action', from: ['cli', 'bin'].map(edge), message: 'The action does not import the CLI.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', 'bench-out/**', 'compose/**', 'locust/**', 'examples/**', '__tests__/fixtures/**', 'coverage/**'] },
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
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
    },
  },
  {
    // The CLI and scripts talk to a terminal; the action logs through @actions/core.
    files: ['src/cli/**', 'scripts/**', '__tests__/**'],
    rules: { 'no-console': 'off' },
  },
);
