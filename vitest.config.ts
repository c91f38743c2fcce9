import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure core, no I/O) and `engines` (DuckDB + chDB, servers on loopback).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['packages/core/test/**/*.test.ts'], testTimeout: 60_000 } },
      {
        test: {
          name: 'engines',
          include: ['packages/server/test/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          pool: 'forks',
        },
      },
    ],
  },
});
