// The rings of DESIGN.md are enforced here: an import may only point inward.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import featureBoundaries from './scripts/eslint/featureBoundaries.js';

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'dist', 'bench/results', 'src/platform/db/migrations'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/platform/**', '**/features/**', '**/cli/**'],
              message: 'domain/ is pure: it imports nothing from the outer rings.',
            },
            {
              group: [
                'node:fs',
                'node:net',
                'node:http',
                'pg',
                '@electric-sql/*',
                'fastify',
                'drizzle-orm',
                'drizzle-orm/*',
              ],
              message: 'domain/ does no I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/features/**'],
    plugins: { octroi: { rules: { 'feature-boundaries': featureBoundaries } } },
    rules: { 'octroi/feature-boundaries': 'error' },
  },
  {
    files: ['src/platform/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/features/**', '**/cli/**'], message: 'platform/ does not know the features.' }] },
      ],
    },
  },
  {
    // The small scripts served to browsers.
    files: ['src/platform/http/static/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        document: 'readonly',
        window: 'readonly',
        URLSearchParams: 'readonly',
        FormData: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
  {
    files: ['scripts/**', '*.js', '.ci/**'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        performance: 'readonly',
        setTimeout: 'readonly',
        fetch: 'readonly',
      },
    },
  },
);
