import { EnvelopeError } from "../errors/EnvelopeError.ts";
import { parseShard, type Shard } from "./selectShard.ts";

/**
 * Reads `--shard`: `i/N` (`parseShard`), or `env:NAME/N`, the index read from the environment
 * variable NAME, as a Kubernetes Indexed Job's pods run `--shard env:JOB_COMPLETION_INDEX/N`
 * (no shell, no `$(VAR)` expansion needed). ENVELOPE_CONFIG naming the flag and the variable when
 * it is unset or not an index below N. Pure over `env`.
 */
export function parseShardFlag(text: string, env: Record<string, string | undefined>): Shard {
  const match = /^env:([A-Za-z_][A-Za-z0-9_]*)\/(.*)$/.exec(text);
  if (!match) return parseShard(text);
  const [, name, count] = match as unknown as [string, string, string];
  const index = env[name];
  if (index === undefined || index === "") throw new EnvelopeError("ENVELOPE_CONFIG", `--shard ${text}: ${name} is not set; expected this shard's index (from 0), as Kubernetes sets it in an Indexed Job's pods`);
  try {
    return parseShard(`${index}/${count}`);
  } catch (error) {
    throw new EnvelopeError("ENVELOPE_CONFIG", `--shard ${text}: ${name}=${index}; expected i/N with 0 <= i < N once read, as in env:${name}/4 with ${name}=0`, { cause: error });
  }
}
