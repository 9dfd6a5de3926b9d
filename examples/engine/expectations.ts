import { loadConfig } from "@exemplar/tooling";

/**
 * Concurrent work prints in any order; `@expectUnordered` checks the lines, not their order.
 * @example engine.unordered
 * @expectUnordered
 * fetched a
 * fetched b
 * fetched c
 */
export async function concurrentOutput() {
  await Promise.all(
    ["c", "a", "b"].map(async (name, index) => {
      await new Promise((resolve) => setTimeout(resolve, 3 - index));
      console.log(`fetched ${name}`);
    }),
  );
}

/**
 * An example can document a failure: `@expectError` passes when the function throws a matching
 * error. Here, a config file named on the command line must exist.
 * @example engine.expect-error
 * @expectError /config file not found: .*missing\.config\.ts/
 */
export async function missingConfig() {
  await loadConfig(process.cwd(), "missing.config.ts");
}

/**
 * Loose checks for output that is long or partly volatile.
 * @example engine.contains-and-match
 * @expectContains node
 * @expectMatch /^running on node v\d+\.\d+\.\d+$/m
 */
export function looseChecks() {
  console.log(`running on node ${process.version}`);
}
