import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 30000,
    // The CLI tests run the built command: build once before any test file runs.
    globalSetup: ['./src/testing/build-once.ts'],
  },
});
