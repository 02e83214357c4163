// Type-checked lint with enforced architecture: Nx tags decide who may import whom, and the
// size/complexity limits keep units small (STYLE.md §7).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

const frameworkAndInfra = [
  '@nestjs/*', 'typeorm', 'kafkajs', '@grpc/*', 'pg', '@electric-sql/*', '@eventstore/*',
  'express', 'jose', 'pino', 'nestjs-pino', 'prom-client',
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.kafka/**', '.data/**', '**/*.js', '**/*.mjs', 'libs/contracts/src/grpc/generated/**', 'libs/testing/src/rest/generated/**', 'tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          // The embedded host mounts the services' root modules; the rule below keeps every other app out.
          allow: ['@collab/intake', '@collab/workflow', '@collab/knowledge', '@collab/kpi', '@collab/data'],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:kernel'], bannedExternalImports: frameworkAndInfra },
            { sourceTag: 'type:kernel', onlyDependOnLibsWithTags: [], bannedExternalImports: frameworkAndInfra },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:infra', 'type:contracts', 'type:kernel'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:infra', 'type:contracts', 'type:domain', 'type:kernel', 'type:testing'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:kernel', 'type:infra', 'type:contracts', 'type:testing'] },
            // The embedded host is the one composition root: it mounts the five services' root modules.
            { sourceTag: 'type:composition', onlyDependOnLibsWithTags: ['type:app', 'type:infra', 'type:kernel', 'type:contracts', 'type:testing'] },
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:infra', 'type:contracts', 'type:testing', 'type:domain', 'type:kernel', 'type:app', 'type:composition'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      complexity: ['error', 10],
      'max-params': ['error', 4],
      'max-depth': ['error', 3],
    },
  },
  {
    // Apps never import each other; only apps/platform (the composition root, ADR 0005) may.
    files: ['apps/**/*.ts'],
    ignores: ['apps/platform/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^@collab/(intake|workflow|knowledge|kpi|data)$', message: 'apps never import each other; share through a lib' }] },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/e2e/**/*.ts', 'bench/**/*.ts', 'tools/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
);
