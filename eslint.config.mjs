import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import house from './eslint/client-boundary.mjs';

// The layers import downwards only: app → lib → db (scripts/ and tests/ sit on top and may import any).
const upward = (layers) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: layers.map((layer) => ({
        regex: `^(@/|(\\.\\./)+)${layer}(/|$)`,
        message: `Imports go downwards (app → lib → db): this layer must not import ${layer}/.`,
      })),
    },
  ],
});

const config = [
  ...nextVitals,
  ...nextTs,
  // Plain CommonJS scripts (next.config.js, scripts/start.js) run without a bundler.
  { files: ['**/*.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['db/**/*.ts'], rules: upward(['lib', 'app', 'scripts']) },
  { files: ['lib/**/*.{ts,tsx}'], rules: upward(['app', 'scripts']) },
  { files: ['app/**/*.{ts,tsx}'], rules: upward(['scripts']) },
  { plugins: { house } },
  {
    files: ['app/**/*.tsx', 'app/**/*.ts', 'lib/**/*.ts', 'lib/**/*.tsx'],
    rules: { 'house/client-boundary': 'error' },
  },
  // The proxy runs before any page, outside the server components: the same rule, always on.
  { files: ['proxy.ts'], rules: { 'house/client-boundary': ['error', { always: true }] } },
  {
    ignores: [
      '.next/**',
      '.next-*/**',
      'node_modules/**',
      'data/**',
      'next-env.d.ts',
      'db/migrations/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
];

export default config;
