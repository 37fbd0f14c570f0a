// @ts-check
import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';

// Every folder of src/features is a feature: a new one is fenced in without being listed here.
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const shared = ['./src/components', './src/lib', './src/types', './src/testing'];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  importPlugin.flatConfigs.recommended,
  importPlugin.flatConfigs.typescript,
  {
    languageOptions: {
      ecmaVersion: 2023,
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    settings: {
      'import/resolver': {
        typescript: {
          project: ['./tsconfig.app.json', './tsconfig.sw.json', './tsconfig.node.json'],
          noWarnOnMultipleProjects: true,
        },
        node: true,
      },
    },
    rules: {
      complexity: ['error', 10],
      // A function a reader takes in at once: one screen. Components past it split into hooks and parts.
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      // Deeper nesting than a loop holding a guarded try is a function waiting to be named.
      'max-depth': ['error', 3],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'import/no-cycle': 'error',
      'import/order': [
        'error',
        {
          groups: [['builtin', 'external'], 'internal', ['parent', 'sibling', 'index']],
          pathGroups: [{ pattern: '@/**', group: 'internal' }],
          'newlines-between': 'always',
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs['recommended-latest'].rules,
      'react-refresh/only-export-components': ['error', { allowConstantExport: true }],
      // One-way imports: shared code → features → app; a feature never reaches into another.
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            ...features.map((feature) => ({
              target: `./src/features/${feature}`,
              from: './src/features',
              except: [`./${feature}`],
              message: 'Features do not import each other; compose them in src/app.',
            })),
            { target: './src/features', from: './src/app', message: 'Features do not import the app layer.' },
            {
              target: shared,
              from: ['./src/features', './src/app'],
              message: 'Shared code does not import features or the app layer.',
            },
            {
              target: './src/service-worker',
              from: ['./src/app', './src/features', './src/components', './src/lib'],
              message: 'The service worker is built on its own (/sw.js) and shares no code with the app.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/service-worker/**/*.ts'],
    languageOptions: { globals: globals.serviceworker },
  },
  {
    files: ['src/**/*.test.{ts,tsx}', 'src/testing/**'],
    rules: {
      'react-refresh/only-export-components': 'off',
      // A describe block is a list of tests, not one piece of logic.
      'max-lines-per-function': 'off',
    },
  },
  {
    // Classic scripts copied into dist as they are (public/theme.js runs before the app, without modules).
    files: ['public/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false, project: false },
      sourceType: 'script',
      globals: globals.browser,
    },
  },
  {
    files: ['e2e/**/*.ts', '*.config.{ts,js}', 'scripts/**/*.mjs', 'vite-plugins/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'import/no-named-as-default': 'off',
      'import/no-named-as-default-member': 'off',
      // Playwright fixtures without dependencies are written `async ({}, use) => …`.
      'no-empty-pattern': 'off',
    },
  },
);
