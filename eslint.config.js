// Type-aware lint for the whole workspace (see docs/ARCHITECTURE.md, "Habits").
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Web layering: shared (components, lib) -> features -> app. A feature never imports another
// feature or the app layer, so features stay independent.
const features = readdirSync(new URL('./apps/web/src/features', import.meta.url));
const up = ['..', '../..', '../../..', '../../../..'];
const featureBoundaries = features.map((feature) => ({
  files: [`apps/web/src/features/${feature}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: features
              .filter((f) => f !== feature)
              .flatMap((f) => up.map((u) => `${u}/${f}/**`))
              .concat(up.map((u) => `${u}/app/**`)),
            message: 'A feature may import shared code (components, lib) but not another feature or the app layer.',
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.data/**',
      'artifacts/**',
      '**/*.cjs',
      '**/*.mjs',
      'eslint.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(only|skip)$/]',
          message: 'No focused or skipped tests.',
        },
        {
          selector: "Property[key.name='synchronize'][value.value=true]",
          message: 'Use migrations, never synchronize.',
        },
      ],
    },
  },
  ...featureBoundaries,
);
