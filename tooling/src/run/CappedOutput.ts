import { outputLimitBytes } from "../records/RunResult.ts";

/**
 * One output stream of one example as the worker keeps it: the first `limit` UTF-8 bytes of
 * what was written, and a count of the bytes after them. Once a write did not fit, every later
 * write is only counted, so that the text kept is always a prefix of what the example wrote.
 */
export class CappedOutput {
  text = "";
  /** UTF-8 bytes of `text` */
  bytes = 0;
  /** bytes written past the limit, counted and not kept */
  truncatedBytes = 0;

  constructor(readonly limit: number = outputLimitBytes) {}

  /** Keeps what fits of `chunk`, counts the rest, and returns the part kept. */
  append(chunk: string): string {
    const size = Buffer.byteLength(chunk);
    if (this.truncatedBytes > 0) {
      this.truncatedBytes += size;
      return "";
    }
    if (this.bytes + size <= this.limit) {
      this.text += chunk;
      this.bytes += size;
      return chunk;
    }
    const kept = utf8Prefix(chunk, this.limit - this.bytes);
    const keptBytes = Buffer.byteLength(kept);
    this.text += kept;
    this.bytes += keptBytes;
    this.truncatedBytes += size - keptBytes;
    return kept;
  }

  /** What `first` then `second` kept, as if both had been written to one stream. */
  static concat(first: CappedOutput, second: CappedOutput): CappedOutput {
    const joined = new CappedOutput(first.limit);
    joined.append(first.text);
    joined.truncatedBytes += first.truncatedBytes;
    joined.append(second.text);
    joined.truncatedBytes += second.truncatedBytes;
    return joined;
  }
}

/** The longest start of `text` that fits in `room` UTF-8 bytes, never half a character. */
function utf8Prefix(text: string, room: number): string {
  const bytes = Buffer.from(text, "utf8");
  let end = Math.min(room, bytes.length);
  // step back over continuation bytes (10xxxxxx) to the start of the character cut in two
  while (end > 0 && end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString("utf8");
}
