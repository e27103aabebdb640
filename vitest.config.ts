import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // Set-up and clean-up hooks install or remove whole node_modules trees (the packed-tarball
    // consumer test); on a loaded CI machine that takes far longer than vitest's 10 s default.
    hookTimeout: 180_000,
  },
});
