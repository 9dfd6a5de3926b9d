import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tooling/test/**/*.test.ts", "platform/test/**/*.test.ts"],
    // end-to-end tests start real worker processes; give them room on a 2-core machine
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
