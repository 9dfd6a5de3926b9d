import { defineConfig } from "@exemplar/tooling/config";

export default defineConfig({
  examples: ["examples/**/*.ts"],
  docs: "docs",
  timeout: 10_000,
  // starts the registry on a loopback port with a fresh embedded store, and a webhook receiver
  setup: "./examples/platform/setup.ts",
});
