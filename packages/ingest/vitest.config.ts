import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The hostile-input tests spawn the CLI through tsx; give them room on a slow machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
