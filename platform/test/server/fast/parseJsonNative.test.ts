import { describe, expect, test } from "vitest";
import { nativeParseMaxBytes, parseJsonNative, withinJsonLimits } from "../../../src/server/fast/parseJsonNative.ts";
import type { JsonLimits } from "../../../src/server/JsonLimits.ts";
import { parseJson } from "../../../src/server/parseJson.ts";
import { parseJsonStepwise } from "../../../src/server/parseJsonStepwise.ts";

/** what a parse gave: the value written out (key order, -0 and all), or the refusal as a client sees it */
async function outcome(parse: () => Promise<unknown>) {
  try {
    // not the value itself: toStrictEqual takes an own key "constructor" for the object's class
    return { value: JSON.stringify(await parse(), (_key, value: unknown) => (Object.is(value, -0) ? "(minus zero)" : value)) };
  } catch (error) {
    const { code, status, message, details } = error as { code: string; status: number; message: string; details?: unknown };
    return { code, status, message, details };
  }
}

/** parseJson (native path first) against the stepwise parser alone; true when the native path took it */
async function expectSameAsStepwise(body: Buffer, limits: JsonLimits): Promise<boolean> {
  const both = await outcome(() => parseJson(body, limits));
  const stepwise = await outcome(() => parseJsonStepwise(body, limits));
  expect(both, body.toString("latin1").slice(0, 300)).toStrictEqual(stepwise);
  return parseJsonNative(body, limits) !== undefined;
}

let seed = 11;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

// keys and strings that look like structure to a byte scan: brackets, colons, escaped quotes and backslashes
const keys = ["a", "a", "__proto__", "constructor", "k:{", '\\"[', "\\\\", "é:", "\\u003a", ""];
const atoms = ["0", "-0", "1e400", "9007199254740993", "-1.5E-3", "true", "false", "null", '"x"', '"{[:,]}"', '"\\"\\\\"', '"\\ud800"', '"東京"'];
function build(depth: number): string {
  const roll = random();
  if (depth > 5 || roll < 0.35) return pick(atoms);
  const count = Math.floor(random() * 5);
  if (roll < 0.65) return `[${Array.from({ length: count }, () => build(depth + 1)).join(",")}]`;
  return `{${Array.from({ length: count }, () => `"${pick(keys)}" : ${build(depth + 1)}`).join(", ")}}`;
}
// damage as clients and attackers send it: stray structure, cut strings, bad bytes, control characters
const damage: ReadonlyArray<Buffer> = ['"', "\\", ":", "{", "[", "}", "]", ",", " ", "\u0000", "\t", "\uFEFF", "01", "tru"].map((text) => Buffer.from(text)).concat([Buffer.from([0xff]), Buffer.from([0xc3]), Buffer.from([0xed, 0xa0, 0x80])]);
function damaged(text: string): Buffer {
  const bytes = Buffer.from(text);
  const at = Math.floor(random() * (bytes.length + 1));
  const cut = random() < 0.3 ? 1 : 0;
  return Buffer.concat([bytes.subarray(0, at), pick(damage), bytes.subarray(at + cut)]);
}

describe("parseJson's native path refuses what the stepwise parser refuses, and gives what it gives", () => {
  test("generated bodies, whole and damaged, at tight limits (depth 3, 3 members) and the defaults", async () => {
    const counts = { native: 0, stepwise: 0 };
    for (const limits of [{ maxDepth: 3, maxMembers: 3 }, { maxDepth: 512, maxMembers: 10_000 }]) {
      for (let index = 0; index < 600; index++) {
        const text = build(0);
        const body = index % 2 === 0 ? Buffer.from(random() < 0.2 ? ` \n${text}\t ` : text) : damaged(text);
        counts[(await expectSameAsStepwise(body, limits)) ? "native" : "stepwise"]++;
      }
    }
    // both paths taken often, so the comparison covers each
    expect(counts.native).toBeGreaterThan(300);
    expect(counts.stepwise).toBeGreaterThan(300);
  });

  test.each([
    // [body, limits, taken natively]: each limit exactly met is native, one past it is the stepwise parser's 413
    ["[[[1]]]", { maxDepth: 3, maxMembers: 3 }, true],
    ["[[[[1]]]]", { maxDepth: 3, maxMembers: 3 }, false],
    ['{"a":1,"b":2,"c":3}', { maxDepth: 3, maxMembers: 3 }, true],
    ['{"a":1,"b":2,"c":3,"d":4}', { maxDepth: 3, maxMembers: 3 }, false],
    // duplicates count as members, as the stepwise parser counts them
    ['{"a":1,"a":2,"a":3,"a":4}', { maxDepth: 3, maxMembers: 3 }, false],
    // members of nested objects count per object; array items are not members
    ['{"a":{"x":1,"y":2,"z":3},"b":[1,2,3,4,5],"c":{"x":1}}', { maxDepth: 3, maxMembers: 3 }, true],
    // brackets and colons inside strings and keys are text
    ['{"[[[[:":"{{{{:,","\\"{{{{":"\\\\"}', { maxDepth: 1, maxMembers: 2 }, true],
    // __proto__ stays an own key
    ['{"__proto__":{"polluted":true}}', { maxDepth: 3, maxMembers: 3 }, true],
    // malformed, empty, not UTF-8, a BOM: the stepwise parser's words
    ["[1,]", { maxDepth: 3, maxMembers: 3 }, false],
    [" \n ", { maxDepth: 3, maxMembers: 3 }, false],
    ["\uFEFF{}", { maxDepth: 3, maxMembers: 3 }, false],
    [Buffer.from([0x22, 0xff, 0x22]), { maxDepth: 3, maxMembers: 3 }, false],
    // a raw path: always the stepwise parser, which keeps the value's bytes
    ['{"data":{"a":1}}', { maxDepth: 3, maxMembers: 3, raw: [["data"]] }, false],
  ] as Array<[string | Buffer, JsonLimits, boolean]>)("%s", async (text, limits, native) => {
    expect(await expectSameAsStepwise(Buffer.isBuffer(text) ? text : Buffer.from(text), limits)).toBe(native);
  });

  test("a body over nativeParseMaxBytes is parsed in steps (the event loop is not held)", async () => {
    const body = Buffer.from(JSON.stringify({ events: Array.from({ length: Math.ceil(nativeParseMaxBytes / 10) }, (_, index) => ({ n: index })) }));
    expect(body.length).toBeGreaterThan(nativeParseMaxBytes);
    expect(await expectSameAsStepwise(body, { maxDepth: 512, maxMembers: 10_000 })).toBe(false);
  });

  test("withinJsonLimits stops at the first level or member past the limit", () => {
    expect(withinJsonLimits(Buffer.from("[".repeat(5000)), 512, 10)).toBe(false);
    expect(withinJsonLimits(Buffer.from(`{${Array.from({ length: 11 }, (_, index) => `"k${index}":0`).join(",")}}`), 512, 10)).toBe(false);
    expect(withinJsonLimits(Buffer.from(`[${Array.from({ length: 11 }, () => `{"k":0}`).join(",")}]`), 512, 10)).toBe(true);
  });
});
