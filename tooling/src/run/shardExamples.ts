import type { Example } from "../records/Example.ts";

/** One shard of `count`: `index` is 1-based, as `--shard 2/4` writes it. */
export interface Shard {
  index: number;
  count: number;
}

/** Reads `--shard i/n` (whole numbers, 1 <= i <= n), or says what is wrong with it. */
export function parseShard(text: string): Shard | string {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return `--shard expects i/n, such as 2/4, got \`${text}\``;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) return `--shard ${text}: the shard must be between 1 and the count, and the count at least 1`;
  return { index, count };
}

/**
 * The examples of one shard. A file's examples stay together (its worker imports it once), and
 * files are dealt out longest first, each to the shard with the least time so far, ties to the
 * lower shard: the longest-processing-time rule, which keeps the slowest shard within a third
 * of the ideal. A file's time is the sum of its examples' `durations` (milliseconds, by key:
 * the last known, from a report), and 100 ms for an example with none. Deterministic: every
 * shard computed from the same examples and durations deals the same way, so each example is in
 * exactly one shard; give every shard the same durations (or none). Pure.
 */
export function shardExamples(examples: readonly Example[], shard: Shard, durations: ReadonlyMap<string, number> = new Map()): Example[] {
  const files = new Map<string, { time: number }>();
  for (const example of examples) {
    const file = files.get(example.file) ?? { time: 0 };
    file.time += durations.get(example.key) ?? 100;
    files.set(example.file, file);
  }
  const order = [...files].sort(([a, x], [b, y]) => y.time - x.time || (a < b ? -1 : a > b ? 1 : 0));
  const load = Array.from({ length: shard.count }, () => 0);
  const mine = new Set<string>();
  for (const [file, { time }] of order) {
    const least = load.indexOf(Math.min(...load));
    load[least]! += time;
    if (least === shard.index - 1) mine.add(file);
  }
  return examples.filter((example) => mine.has(example.file));
}
