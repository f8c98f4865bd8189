// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const CONTRACT_MESSAGE =
  'packages/contract is the HTTP contract shared with the browser: zod and the core only, nothing of the server.';

const PURE_CORE_MESSAGE =
  'packages/core is pure: no I/O, no clock, no environment, no randomness, nothing of ours. Pass these in as arguments.';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'coverage/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.config.ts', '*.config.js', 'packages/server/*.config.ts'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
      // Route modules and handlers are async by contract even when one does not await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // The web app runs in the browser.
    files: ['packages/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The pure domain: lint is what keeps it pure.
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts', 'packages/core/src/test-support/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!zod$|\\.{1,2}/)', message: PURE_CORE_MESSAGE }] },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'process',
          'Buffer',
          'fetch',
          'setTimeout',
          'setInterval',
          'require',
          'globalThis',
          'crypto',
          'performance',
        ].map((name) => ({ name, message: PURE_CORE_MESSAGE })),
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: PURE_CORE_MESSAGE },
        { selector: "MemberExpression[object.name='Date']", message: PURE_CORE_MESSAGE },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: PURE_CORE_MESSAGE,
        },
        { selector: 'ImportExpression', message: PURE_CORE_MESSAGE },
      ],
    },
  },
  {
    // The contract: schemas only, so that the web app can take its types from it.
    files: ['packages/contract/src/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!zod$|@chiso/core$|\\.{1,2}/)', message: CONTRACT_MESSAGE }] },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/test-support/**/*.ts', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
);
