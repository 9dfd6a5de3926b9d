import { describe, expect, test } from "vitest";
import { EnvelopeError } from "../../src/errors/EnvelopeError.ts";
import { defaultJsonLimits, parseJson, type JsonLimits } from "../../src/server/parseJson.ts";
import { RawJson } from "../../src/server/RawJson.ts";

const parse = (text: string | Buffer, limits?: Partial<JsonLimits>) => parseJson(Buffer.isBuffer(text) ? text : Buffer.from(text), { ...defaultJsonLimits, ...limits });
async function failure(text: string | Buffer, limits?: Partial<JsonLimits>): Promise<EnvelopeError> {
  try {
    await parse(text, limits);
  } catch (error) {
    return error as EnvelopeError;
  }
  throw new Error(`parsed: ${String(text).slice(0, 40)}`);
}

describe("parseJson gives what JSON.parse gives", () => {
  test.each([
    // scalars at the top, numbers in every form
    "0", "-0", "1.5e-3", "-12E+2", "1e400", "9007199254740993", '"text"', "true", "false", "null",
    // escapes, including lone surrogates and an escaped NUL
    '"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\uD83D\\ude80\\ud800\\u0000"',
    // unicode as is, whitespace everywhere
    ' { "地域" : [ "東京" , 1 ,{} ,[ ] ] , "e" :"🚀" } \n\t\r',
    // a duplicate key: the last wins; __proto__ is an own key, not the prototype
    '{"a":1,"a":2,"__proto__":{"polluted":true},"constructor":1}',
  ])("%s", async (text) => {
    const value = await parse(text);
    expect(value).toEqual(JSON.parse(text));
    expect(Object.is(value, JSON.parse(text)) || typeof value === "object").toBe(true);
    if (text.includes("__proto__")) expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  test("random documents parse as JSON.parse parses them", async () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const atoms = ["0", "-1.25e+3", '"x\\n\\u0041é"', "true", "null", '""', "1e-7"];
    const build = (depth: number): string => {
      const roll = random();
      if (depth > 6 || roll < 0.4) return atoms[Math.floor(random() * atoms.length)]!;
      const count = Math.floor(random() * 4);
      if (roll < 0.7) return `[${Array.from({ length: count }, () => build(depth + 1)).join(" , ")}]`;
      return `{${Array.from({ length: count }, (_, index) => `"k${index}":${build(depth + 1)}`).join(",")}}`;
    };
    for (let index = 0; index < 300; index++) {
      const text = build(0);
      expect(await parse(text), text).toEqual(JSON.parse(text));
    }
  });

  test.each([
    // [malformed body, what the message names]
    ["{", /at byte 1: expected a member name/],
    ['{"a" 1}', /at byte 5: expected ":"/],
    ["[1,]", /at byte 3: expected a JSON value/],
    ["[1 2]", /at byte 3: expected "," or "\]"/],
    ["01", /at byte 1: expected the end of the body/],
    ['"tab\there"', /at byte 4: expected a closing "/],
    ['"\\x"', /expected an escape/],
    ["-", /expected a JSON value/],
    ["tru", /expected a JSON value/],
    ["  ", /request body is empty/],
  ])("%s is a 400 naming the byte", async (text, message) => {
    expect(() => JSON.parse(text)).toThrow();
    const error = await failure(text);
    expect([error.code, error.status]).toEqual(["ENVELOPE_MALFORMED_JSON", 400]);
    expect(error.message).toMatch(message);
  });

  test("a body that is not UTF-8 is a 400 naming the first bad byte", async () => {
    const body = Buffer.concat([Buffer.from('{"a":"é'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const error = await failure(body);
    expect([error.code, error.status]).toEqual(["ENVELOPE_MALFORMED_JSON", 400]);
    expect(error.message).toBe("request body is not UTF-8: an invalid byte at byte 8; JSON is sent as UTF-8");
  });
});

describe("limits", () => {
  test("nesting: the limit itself parses, one more is a 413 naming the limit and the place", async () => {
    expect(await parse(`${"[".repeat(512)}${"]".repeat(512)}`)).toBeInstanceOf(Array);
    const error = await failure(`{"a":[${"[".repeat(600)}${"]".repeat(600)}]}`);
    expect([error.code, error.status, error.details]).toEqual(["ENVELOPE_TOO_LARGE", 413, { maxDepth: 512 }]);
    expect(error.message).toMatch(/^request body is nested deeper than 512 levels at a\[0\]\[0\]/);
    expect(error.message.length).toBeLessThan(400);
  });

  test("100,000 levels are refused without a stack overflow", async () => {
    expect((await failure("[".repeat(100_000))).code).toBe("ENVELOPE_TOO_LARGE");
  });

  test("width: an object of more than maxMembers members is a 413 naming its path", async () => {
    const wide = (count: number) => `{${Array.from({ length: count }, (_, index) => `"k${index}":1`).join(",")}}`;
    expect(Object.keys((await parse(`{"x":${wide(100)}}`, { maxMembers: 100 })) as object)).toEqual(["x"]);
    const error = await failure(`{"x":{"y":${wide(101)}}}`, { maxMembers: 100 });
    expect([error.code, error.status, error.details]).toEqual(["ENVELOPE_TOO_LARGE", 413, { maxMembers: 100 }]);
    expect(error.message).toMatch(/an object of more than 100 members at x\.y;/);
  });
});

describe("raw values", () => {
  const raw = [["function", "artifact", "data"]] as const;

  test.each([
    // numbers JSON.parse would alter, spacing, escapes: all kept byte for byte
    '{"big": 9007199254740993, "huge": 1e400, "x": 1.10, "s": "\\u0041"}',
    ' [ 1 ,\n2 ] ',
    "1e400",
    '"text"',
    "{}",
  ])("the value at a raw path comes back as its bytes: %s", async (data) => {
    const text = `{"function":{"artifact":{"encoding":"json","data":${data}},"shape":1},"tags":{"a":"b"}}`;
    const value = (await parse(text, { raw })) as any;
    expect(value.function.artifact.data).toBeInstanceOf(RawJson);
    expect(value.function.artifact.data.bytes.toString()).toBe(data.trim());
    expect(value.tags).toEqual({ a: "b" });
    expect(value.function.shape).toBe(1);
  });

  test("a raw value's objects may be wider than maxMembers, and are still checked", async () => {
    const wide = `{${Array.from({ length: 50 }, (_, index) => `"k${index}":[${index}]`).join(",")}}`;
    const value = (await parse(`{"function":{"artifact":{"data":${wide}}}}`, { raw, maxMembers: 10 })) as any;
    expect(JSON.parse(value.function.artifact.data.bytes.toString())).toEqual(JSON.parse(wide));
    expect((await failure(`{"function":{"artifact":{"data":{"a":[1,}}}}`, { raw })).code).toBe("ENVELOPE_MALFORMED_JSON");
    expect((await failure(`{"function":{"artifact":{"data":${"[".repeat(600)}${"]".repeat(600)}}}}`, { raw })).code).toBe("ENVELOPE_TOO_LARGE");
  });
});

test("a large body is parsed in turns of the event loop", async () => {
  const text = `[${Array.from({ length: 200_000 }, (_, index) => index).join(",")}]`;
  let turns = 0;
  let counting = true;
  const count = () => {
    turns++;
    if (counting) setImmediate(count);
  };
  setImmediate(count);
  const value = (await parse(text)) as number[];
  counting = false;
  expect(value).toHaveLength(200_000);
  expect(turns).toBeGreaterThanOrEqual(10);
});
