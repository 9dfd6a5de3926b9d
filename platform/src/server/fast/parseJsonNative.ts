import { isUtf8 } from "node:buffer";
import type { JsonLimits } from "../JsonLimits.ts";

/** bodies up to this size may take the native path: `JSON.parse` holds the event loop a few ms at most (larger ones are parsed in steps) */
export const nativeParseMaxBytes = 1024 * 1024;

/**
 * Whether valid JSON in `bytes` nests at most `maxDepth` levels with at most `maxMembers` members
 * per object: one pass over the bytes, counting brackets and the colons of each object outside
 * strings (in UTF-8 no byte of a multi-byte character is ASCII). On malformed JSON the answer
 * means nothing; the caller parses it anyway.
 */
export function withinJsonLimits(bytes: Uint8Array, maxDepth: number, maxMembers: number): boolean {
  // members[d] counts the colons of the object open at depth d (arrays never get one)
  const members = new Int32Array(maxDepth + 1);
  let depth = 0;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]!;
    if (byte === 0x22) {
      // a string: skip to its closing quote, over escaped characters
      for (index++; index < bytes.length && bytes[index] !== 0x22; index++) if (bytes[index] === 0x5c) index++;
    } else if (byte === 0x5b || byte === 0x7b) {
      if (++depth > maxDepth) return false;
      members[depth] = 0;
    } else if (byte === 0x5d || byte === 0x7d) {
      depth--;
    } else if (byte === 0x3a && depth > 0 && ++members[depth]! > maxMembers) {
      return false;
    }
  }
  return true;
}

/**
 * The registry's parse of a small, well-formed body without raw paths, by `JSON.parse` (native:
 * about 1.1 µs per usage event where the stepwise parser takes 3.7; `npm run bench:serving`,
 * registry CPU per request). Taken only where the stepwise parser would give the same value:
 * UTF-8, within the limits, and valid JSON. Anything else returns undefined (which JSON cannot
 * be), and the stepwise parser decides and words the refusal as it always has.
 */
export function parseJsonNative(body: Buffer, limits: JsonLimits): unknown {
  if (body.length > nativeParseMaxBytes || (limits.raw !== undefined && limits.raw.length > 0)) return undefined;
  if (!isUtf8(body) || !withinJsonLimits(body, limits.maxDepth, limits.maxMembers)) return undefined;
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return undefined;
  }
}
