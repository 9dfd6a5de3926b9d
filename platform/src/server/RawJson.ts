/**
 * A JSON value kept as the bytes it was sent as, never built into objects: how the registry keeps
 * a JSON artifact exactly (`1e400`, integers beyond 2^53, `1.10`, the sender's spacing), where
 * `JSON.parse` then `JSON.stringify` would alter it. The bytes are valid UTF-8 and valid JSON.
 */
export class RawJson {
  readonly bytes: Buffer;

  constructor(bytes: Buffer) {
    this.bytes = bytes;
  }

  /** the value as `JSON.parse` gives it (for a string, its text) */
  parse(): unknown {
    return JSON.parse(this.bytes.toString("utf8"));
  }
}
