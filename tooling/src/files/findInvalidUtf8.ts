import { isUtf8 } from "node:buffer";

/** The first byte of a file that is not UTF-8, and where it is. */
export interface InvalidUtf8 {
  /** offset of the byte in the file */
  offset: number;
  /** the byte, e.g. 0xe9 for a Latin-1 `é` */
  byte: number;
  /** 1-based line of the byte, counting `\n`, `\r\n` and lone `\r` line endings */
  line: number;
  /** 1-based column: the UTF-16 code units before it on its line (as editors count), plus one; a byte order mark takes none */
  column: number;
}

/**
 * Where `bytes` stop being UTF-8, or undefined when they are UTF-8 throughout (a byte order
 * mark included). Decoding such bytes as UTF-8 replaces each bad sequence with U+FFFD: writing
 * the text back would lose them, so callers refuse the file and name this place.
 */
export function findInvalidUtf8(bytes: Uint8Array): InvalidUtf8 | undefined {
  if (isUtf8(bytes)) return undefined;
  const offset = firstInvalid(bytes);
  const before = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(0, offset));
  const lineStart = Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r")) + 1;
  return {
    offset,
    byte: bytes[offset]!,
    line: before.split(/\r\n|\r|\n/).length,
    column: before.length - lineStart + 1 - (lineStart === 0 && before.charCodeAt(0) === 0xfeff ? 1 : 0),
  };
}

/** The offset of the first byte that starts no valid UTF-8 sequence (RFC 3629: no overlongs, surrogates or values past U+10FFFF). */
function firstInvalid(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || index + length > bytes.length || !isUtf8(bytes.subarray(index, index + length))) return index;
    index += length;
  }
  return index;
}
