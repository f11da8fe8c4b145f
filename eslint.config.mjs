// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

// Deterministic, framework-free code: the rules of the method and the workflow shells.
const pureLibraryImports = (extra) => ({
  paths: nodeBuiltins.map((name) => ({ name, message: 'Sin módulos de Node: este código debe ser puro y determinista.' })),
  patterns: [
    { group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'pg/*'], message: 'Sin framework ni E/S en esta biblioteca.' },
    ...extra,
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', '.data/**', '.tools/**', 'artifacts/**', 'node_modules/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['libs/domain/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        pureLibraryImports([
          { group: ['@temporalio/*'], message: 'El dominio no conoce Temporal.' },
          { group: ['@app/*'], message: 'El dominio no depende de otras bibliotecas del proyecto.' },
        ]),
      ],
    },
  },
  {
    // The board's browser script runs in the page, not in Node.
    files: ['apps/api/src/dashboard/browser/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['libs/workflows/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        pureLibraryImports([
          { group: ['@temporalio/*', '!@temporalio/workflow'], message: 'Los flujos solo importan @temporalio/workflow.' },
          { group: ['@app/persistence', '@app/notifications'], message: 'La E/S va en actividades, no en flujos.' },
        ]),
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*-spec.ts', 'test/**/*.ts'],
    rules: {
      // Tests read JSON bodies and database rows whose shape is what they assert.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
