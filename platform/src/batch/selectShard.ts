import { EnvelopeError } from "../errors/EnvelopeError.ts";

/** Shard `index` of `count` (from 0): `--shard 1/4` is the second of four. */
export interface Shard {
  index: number;
  count: number;
}

/** Reads `--shard i/N` (0 <= i < N); ENVELOPE_CONFIG naming the value otherwise. Pure. */
export function parseShard(text: string): Shard {
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index >= count) throw new EnvelopeError("ENVELOPE_CONFIG", `--shard ${text}: expected i/N with 0 <= i < N, as in 0/4 (the first of four shards)`);
  return { index, count };
}

/**
 * The parts shard `shard` runs: every `count`-th part of the sorted list, starting at `index`, so
 * that N machines given the same inputs together run every part exactly once. Pure.
 */
export function selectShard<T>(parts: readonly T[], shard: Shard | undefined): T[] {
  return shard ? parts.filter((_, position) => position % shard.count === shard.index) : [...parts];
}
