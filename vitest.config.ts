import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Most end-to-end tests wait on child processes and disk as much as on a core: four workers keep the
    // two cores of the CI machine busy (the suite took 345 s instead of 482 s with two).
    maxWorkers: 4,
  },
});
