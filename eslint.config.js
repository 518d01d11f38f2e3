// Lint rules. Type-checking is done by `tsc -b`; this file keeps the layers of
// docs/architecture.md apart and catches the habits that break determinism.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// Layers from the bottom up. A layer may import the ones before it, never the ones after.
const LAYERS = [
  'sim',
  'realStack',
  'protocol',
  'worker',
  'client',
  'store',
  'lessons',
  'app',
  'ui',
];

/** Import patterns that reach into `layer` from anywhere under src/. */
function patternsFor(layer) {
  return [`**/${layer}`, `**/${layer}/*`, `**/${layer}/**`, `@/${layer}/**`];
}

function layerRule(layer) {
  const above = LAYERS.slice(LAYERS.indexOf(layer) + 1);
  const extra =
    layer === 'sim'
      ? [
          {
            group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
            message: 'src/sim is pure TypeScript: no React.',
          },
          { group: ['zustand', 'zustand/*'], message: 'src/sim must not know about the store.' },
          { group: ['d3-selection', 'd3', '@xyflow/*'], message: 'src/sim must not draw.' },
          { group: ['node:*', 'fs', 'path', 'os'], message: 'src/sim runs in browsers too.' },
        ]
      : layer === 'realStack'
        ? [
            {
              group: ['node:*', 'fs', 'path', 'os', 'react', 'react-dom', 'zustand'],
              message: 'src/realStack is pure: it generates text for the lab and the app alike.',
            },
          ]
        : layer === 'app'
          ? [
              {
                group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@xyflow/*'],
                message: 'src/app holds commands and run controllers without React.',
              },
            ]
          : [];
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`],
    ignores: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...above.map((upper) => ({
              group: patternsFor(upper),
              message: `Dependencies point down: src/${layer} must not import src/${upper}.`,
            })),
            ...extra,
          ],
        },
      ],
    },
  };
}

const nondeterminism = [
  {
    selector: "MemberExpression[object.name='Math'][property.name='random']",
    message: 'Use the seeded streams in src/sim/random.ts, never Math.random.',
  },
  {
    selector: "MemberExpression[object.name='Date'][property.name='now']",
    message: 'src/sim has no wall clock: time is the simulated clock only.',
  },
  {
    selector: "MemberExpression[object.name='performance'][property.name='now']",
    message: 'src/sim has no wall clock: time is the simulated clock only.',
  },
  { selector: "NewExpression[callee.name='Date']", message: 'src/sim has no wall clock.' },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-e2e/**',
      'dist-scorm/**',
      'dist-e2e-scorm/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        self: 'readonly',
        window: 'readonly',
        document: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-undef': 'off',
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  ...LAYERS.map(layerRule),
  {
    files: ['src/sim/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...nondeterminism],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'src/sim has no timers: schedule an event instead.' },
        { name: 'setInterval', message: 'src/sim has no timers: schedule an event instead.' },
        { name: 'window', message: 'src/sim has no DOM.' },
        { name: 'document', message: 'src/sim has no DOM.' },
        { name: 'crypto', message: 'Use the seeded streams in src/sim/random.ts.' },
      ],
    },
  },
);
