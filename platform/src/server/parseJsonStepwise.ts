import { isUtf8 } from "node:buffer";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { JsonLimits } from "./JsonLimits.ts";
import { RawJson } from "./RawJson.ts";

/** a turn of the event loop is given after this long parsing, checked every `valuesPerCheck` values, and at least every `valuesPerTurn` */
const msPerTurn = 4;
const valuesPerCheck = 256;
const valuesPerTurn = 8192;
/** the body is decoded in pieces of this size, a turn between two */
const bytesPerDecode = 1024 * 1024;
const plainText = /[^"\\\u0000-\u001f]*/y;
const numberText = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const escapes: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

interface Frame {
  /** the container being built; undefined inside a raw value */
  value: unknown[] | Record<string, unknown> | undefined;
  array: boolean;
  key: string;
  members: number;
}

const malformed = (message: string) => new EnvelopeError("ENVELOPE_MALFORMED_JSON", message);
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** the body as text, decoded a piece at a time (each cut before a UTF-8 sequence starts) so that no single step holds the event loop */
async function decode(body: Buffer): Promise<string> {
  if (body.length <= bytesPerDecode) return body.toString("utf8");
  const pieces: string[] = [];
  for (let start = 0; start < body.length; ) {
    let end = Math.min(body.length, start + bytesPerDecode);
    while (end < body.length && (body[end]! & 0xc0) === 0x80) end--;
    pieces.push(body.toString("utf8", start, end));
    start = end;
    await turn();
  }
  return pieces.join("");
}

/** the byte offset of the first byte that is not UTF-8, found by bisecting on prefix equality */
function firstInvalidByte(body: Buffer): number {
  const recoded = Buffer.from(body.toString("utf8"));
  let low = 0;
  let high = body.length;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (body.subarray(0, middle).equals(recoded.subarray(0, middle))) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Parses a request body as JSON (RFC 8259: UTF-8, any value at the top), as `JSON.parse` would,
 * within `limits`: nesting deeper than `maxDepth` or an object wider than `maxMembers` is a 413
 * naming the limit and the place, so that no later step recurses or loops past them. The values
 * at `raw` paths are checked but not built, and come back as their exact bytes (`RawJson`). It
 * decodes and parses in steps of a few milliseconds with a turn of the event loop between two,
 * so a 16 MiB body does not hold other requests (`npm run bench:registry` measures it).
 * Malformed JSON or invalid UTF-8 is a 400 naming the byte.
 */
export async function parseJsonStepwise(body: Buffer, limits: JsonLimits): Promise<unknown> {
  if (!isUtf8(body)) throw malformed(`request body is not UTF-8: an invalid byte at byte ${firstInvalidByte(body)}; JSON is sent as UTF-8`);
  const text = await decode(body);
  if (text.trim() === "") throw malformed("request body is empty; expected a JSON document");
  const rawPaths = limits.raw ?? [];
  const stack: Frame[] = [];
  let i = 0;
  let values = 0;
  /** where the raw value being scanned starts, and its depth; -1 when none */
  let rawStart = -1;
  let rawDepth = 0;

  const byteAt = (index: number) => Buffer.byteLength(text.slice(0, index));
  /** the path of the value the first `count` frames lead to, e.g. `data.metrics[3]` */
  const pathOf = (count: number) => {
    const path = stack.slice(0, count).map((frame, index) => (frame.array ? `[${frame.members}]` : `${index === 0 ? "" : "."}${frame.key}`)).join("");
    return path === "" ? "(body)" : path.length > 200 ? `${path.slice(0, 197)}...` : path;
  };
  const unexpected = (expected: string): EnvelopeError => {
    const got = i >= text.length ? "the end of the body" : JSON.stringify(text.slice(i, i + 12));
    return malformed(`request body is not valid JSON at byte ${byteAt(i)}: expected ${expected}, got ${got}`);
  };
  const skipSpace = () => {
    for (let code = text.charCodeAt(i); code === 32 || code === 10 || code === 13 || code === 9; code = text.charCodeAt(++i));
  };
  const isRawHere = () =>
    rawStart < 0 && rawPaths.some((path) => path.length === stack.length && stack.every((frame, index) => !frame.array && frame.key === path[index]));

  function readString(): string {
    const start = ++i;
    plainText.lastIndex = i;
    plainText.test(text);
    i = plainText.lastIndex;
    if (text.charCodeAt(i) === 34) return text.slice(start, i++);
    let out = text.slice(start, i);
    for (;;) {
      const code = text.charCodeAt(i);
      if (code === 34) {
        i++;
        return out;
      }
      if (code !== 92) throw unexpected('a closing " (control characters are escaped in JSON strings)');
      const escape = text[i + 1] ?? "";
      if (escape === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
      } else if (escape in escapes) {
        out += escapes[escape];
        i += 2;
      } else {
        throw unexpected("an escape: \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\u and 4 hex digits");
      }
      plainText.lastIndex = i;
      plainText.test(text);
      out += text.slice(i, plainText.lastIndex);
      i = plainText.lastIndex;
    }
  }

  function readKey(frame: Frame): void {
    skipSpace();
    if (text.charCodeAt(i) !== 34) throw unexpected("a member name in double quotes");
    frame.key = readString();
    skipSpace();
    if (text.charCodeAt(i) !== 58) throw unexpected('":" after a member name');
    i++;
    if (++frame.members > limits.maxMembers && frame.value !== undefined) {
      throw new EnvelopeError("ENVELOPE_TOO_LARGE", `request body has an object of more than ${limits.maxMembers} members at ${pathOf(stack.length - 1)}; the limit is ${limits.maxMembers} members (a JSON artifact's own objects may be wider)`, { details: { maxMembers: limits.maxMembers } });
    }
  }

  /** reads a scalar, or opens a container (then returns `open`) */
  const open = Symbol("open");
  function readValue(): unknown {
    skipSpace();
    const code = text.charCodeAt(i);
    if (code === 123 || code === 91) {
      if (stack.length >= limits.maxDepth) {
        throw new EnvelopeError("ENVELOPE_TOO_LARGE", `request body is nested deeper than ${limits.maxDepth} levels at ${pathOf(stack.length)} (byte ${byteAt(i)}); the limit is ${limits.maxDepth} levels`, { details: { maxDepth: limits.maxDepth } });
      }
      const array = code === 91;
      const frame: Frame = { value: rawStart >= 0 ? undefined : array ? [] : {}, array, key: "", members: 0 };
      stack.push(frame);
      i++;
      skipSpace();
      if (text.charCodeAt(i) === (array ? 93 : 125)) {
        i++;
        return close();
      }
      if (!array) readKey(frame);
      return open;
    }
    if (code === 34) return readString();
    if (code === 116 && text.startsWith("true", i)) return (i += 4), true;
    if (code === 102 && text.startsWith("false", i)) return (i += 5), false;
    if (code === 110 && text.startsWith("null", i)) return (i += 4), null;
    numberText.lastIndex = i;
    if (!numberText.test(text) || numberText.lastIndex === i) throw unexpected("a JSON value");
    const start = i;
    i = numberText.lastIndex;
    return rawStart >= 0 ? 0 : Number(text.slice(start, i));
  }

  /** pops the container just closed and returns it */
  function close(): unknown {
    return stack.pop()!.value;
  }

  /** the value that just ended, as its parent should keep it: raw bytes when a raw value ended */
  function ended(value: unknown): unknown {
    if (rawStart < 0 || stack.length !== rawDepth) return value;
    const raw = new RawJson(Buffer.from(text.slice(rawStart, i), "utf8"));
    rawStart = -1;
    return raw;
  }

  let value: unknown;
  let turnStarted = performance.now();
  for (;;) {
    if (++values % valuesPerCheck === 0 && (values % valuesPerTurn === 0 || performance.now() - turnStarted > msPerTurn)) {
      await turn();
      turnStarted = performance.now();
    }
    if (isRawHere()) {
      skipSpace();
      rawStart = i;
      rawDepth = stack.length;
    }
    value = readValue();
    if (value === open) continue;
    value = ended(value);
    // the value is complete: put it in its container, then close every container that ends here
    for (;;) {
      const frame = stack.at(-1);
      if (!frame) {
        skipSpace();
        if (i < text.length) throw unexpected("the end of the body after the JSON value");
        return value;
      }
      if (frame.array) frame.members++;
      if (frame.value !== undefined) {
        if (frame.array) (frame.value as unknown[]).push(value);
        else if (frame.key === "__proto__") Object.defineProperty(frame.value, "__proto__", { value, writable: true, enumerable: true, configurable: true });
        else (frame.value as Record<string, unknown>)[frame.key] = value;
      }
      skipSpace();
      const code = text.charCodeAt(i);
      if (code === 44) {
        i++;
        if (!frame.array) readKey(frame);
        break;
      }
      if (code !== (frame.array ? 93 : 125)) throw unexpected(frame.array ? '"," or "]" in an array' : '"," or "}" in an object');
      i++;
      value = ended(close());
    }
  }
}
