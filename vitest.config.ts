import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(__dirname),
      // `import 'server-only'` throws unless resolved under the react-server condition, which only
      // Next's server bundles use; tests run server code directly, so the marker is a no-op here.
      'server-only': path.resolve(__dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/helpers/data-dir.ts'],
    testTimeout: 20_000,
    // Each file gets its own module graph, so each has its own in-memory database.
    isolate: true,
  },
});
