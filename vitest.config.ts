import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'eval/**/*.test.ts'],
    // Every temporary file of the run below one folder, removed at its end (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    // End-to-end tests spawn the compiled CLI; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
