import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // ts-blank-space shares the compiler the tooling loaded with its code cache, as in the CLI's
  // bundle (tooling/scripts/build.js), rather than import a second copy
  plugins: [
    {
      name: "shared-compiler",
      enforce: "pre",
      resolveId: (id, importer) =>
        id === "typescript" && importer?.includes("/ts-blank-space/") ? fileURLToPath(new URL("./tooling/src/fast/typescriptDefault.ts", import.meta.url)) : undefined,
    },
  ],
  test: {
    include: ["tooling/test/**/*.test.ts", "platform/test/**/*.test.ts"],
    // the bundle the examples import @exemplar/tooling from, rebuilt when src/ is newer; the
    // dashboard's bundle the registry serves at /ui, built when missing or older than its sources
    globalSetup: ["tooling/test/support/buildBundle.ts", "platform/test/support/buildUiBundle.ts"],
    // end-to-end tests start real worker processes; give them room on a 2-core machine
    testTimeout: 30_000,
    hookTimeout: 30_000,
    server: { deps: { inline: ["ts-blank-space"] } },
    // every run of the CLI on a fixture runs its examples: no result cache answers them (the
    // cache's own tests turn it on, see tooling/test/cache)
    env: { EXEMPLAR_CACHE: "0" },
    // the summary a fixture site's build prints is the fixture's, not this repository's: kept out
    // of the log, where it would read as a run of the docs' examples (bench:ci counts those)
    onConsoleLog: (log) => (log.startsWith("exemplar: Examples: ") ? false : undefined),
  },
});
