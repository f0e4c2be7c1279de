// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Imports the pure domain core must never take: runtimes, UI, storage, or the other layers. */
const CORE_FORBIDDEN = {
  paths: [
    { name: 'electron', message: 'core/ is pure: no Electron.' },
    { name: 'react', message: 'core/ is pure: no React.' },
    { name: 'react-dom', message: 'core/ is pure: no React.' },
    { name: 'dexie', message: 'core/ is pure: no Dexie/IndexedDB.' },
    { name: 'pg', message: 'core/ is pure: no database drivers.' },
    { name: '@electric-sql/pglite', message: 'core/ is pure: no database drivers.' },
    { name: 'fastify', message: 'core/ is pure: no HTTP server.' },
    // Bare Node built-ins by exact name (a pattern would also match folders such as core/util).
    ...['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'url', 'util', 'stream'].map(
      (name) => ({
        name,
        message: 'core/ is pure: no Node built-ins.',
      }),
    ),
  ],
  patterns: [
    { group: ['node:*'], message: 'core/ is pure: no Node built-ins.' },
    { group: ['electron/*', 'react-dom/*', 'dexie/*', '@electric-sql/*'], message: 'core/ is pure.' },
    {
      group: [
        '**/main/**',
        '**/preload/**',
        '**/renderer/**',
        '**/server/**',
        '**/tests/**',
        '**/scripts/**',
      ],
      message: 'core/ imports no other layer; the other layers import core.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      'resources/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: { 'no-restricted-imports': ['error', CORE_FORBIDDEN] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', '**/server/**', '**/main/**'],
              message: 'The renderer reaches the OS only through preload (window.desktop).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The server runs without Electron (web mode, CI).' }],
          patterns: [{ group: ['**/renderer/**', '**/main/**'], message: 'server/ depends on core/ only.' }],
        },
      ],
    },
  },
);
