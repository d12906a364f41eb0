import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  // Plain CommonJS scripts (next.config.js, scripts/start.js) run without a bundler.
  { files: ['**/*.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { ignores: ['.next/**', '.next-*/**', 'node_modules/**', 'data/**', 'next-env.d.ts', 'db/migrations/**', 'test-results/**', 'playwright-report/**'] },
];

export default config;
