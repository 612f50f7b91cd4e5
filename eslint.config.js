// Layering is enforced here, the way VS Code enforces common / node / electron-main:
//   shared/        the contract: imports neither electron/ nor renderer/, nor Node built-ins
//   renderer/      imports shared/ only: no electron/, no Node built-ins, no `electron`
//   electron/host/ plain Node: never imports `electron`, so it runs under `npm run serve` and tests
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const noNode = {
  paths: nodeBuiltins.map((name) => ({ name, message: 'Node built-ins belong to the host.' })),
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'dist-electron/**',
      'release/**',
      '.venv-mlflow/**',
      '.venv-drift/**',
      '.cache/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      'no-restricted-syntax': [
        'error',
        {
          // zod's `z` object holds all of zod: imported by name, the bundle keeps every locale and
          // converter (the host's copy was 582 KB, 148 KB as a namespace).
          selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']",
          message: "Import zod as a namespace: `import * as z from 'zod'`.",
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noNode,
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'shared/ is the contract: it imports neither process.',
            },
            { group: ['electron'], message: 'shared/ never imports electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          ...noNode,
          patterns: [
            {
              group: ['**/electron/**'],
              message:
                'The renderer talks to the host only through the contract (renderer/bridge.ts).',
            },
            {
              group: ['electron'],
              message: 'The renderer never imports electron; the preload bridge is its only door.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/host/**/*.ts', 'electron/sim/**/*.ts', 'electron/cli.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                'The host is plain Node: only electron/main.ts and preload.ts import electron.',
            },
          ],
          patterns: [
            {
              group: ['**/renderer/**'],
              message: 'The host knows the contract, not the renderer.',
            },
          ],
        },
      ],
    },
  },
);
