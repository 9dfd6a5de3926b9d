import { defineConfig } from "@exemplar/tooling/config";

export default defineConfig({
  examples: ["examples/**/*.ts"],
  docs: "docs",
  timeout: 10_000,
});
