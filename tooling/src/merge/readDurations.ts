import { readFile } from "node:fs/promises";
import { ExemplarError } from "../errors/ExemplarError.ts";

/**
 * The durations a JSON report of `exemplar check` (or `merge-reports`) gives each example, by
 * key: what `--shard` balances by. A file that cannot be read, or is no such report, is a usage
 * error naming it.
 */
export async function readDurations(file: string): Promise<Map<string, number>> {
  let report: { examples?: Array<{ key?: unknown; durationMs?: unknown }> };
  try {
    report = JSON.parse(await readFile(file, "utf8")) as typeof report;
  } catch (error) {
    throw new ExemplarError("EXEMPLAR_USAGE", `exemplar check: --durations ${file}: ${(error as Error).message}`);
  }
  if (!Array.isArray(report.examples)) throw new ExemplarError("EXEMPLAR_USAGE", `exemplar check: --durations ${file} is not a JSON report of exemplar check (it has no examples)`);
  const durations = new Map<string, number>();
  for (const example of report.examples) {
    if (typeof example.key === "string" && typeof example.durationMs === "number") durations.set(example.key, example.durationMs);
  }
  return durations;
}
