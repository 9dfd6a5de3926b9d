import { expect, test } from "vitest";
import { CappedOutput } from "../../src/run/CappedOutput.ts";
import { outputLimitBytes } from "../../src/records/RunResult.ts";

const written = (limit: number, ...chunks: string[]) => {
  const output = new CappedOutput(limit);
  const kept = chunks.map((chunk) => output.append(chunk));
  return { text: output.text, bytes: output.bytes, truncatedBytes: output.truncatedBytes, kept };
};

test("keeps 1 MB of a stream unless told otherwise", () => {
  expect(new CappedOutput().limit).toBe(outputLimitBytes);
  expect(outputLimitBytes).toBe(1_048_576);
});

test.each([
  // under the limit: everything kept, nothing counted
  { limit: 10, chunks: ["abc", "def"], text: "abcdef", bytes: 6, truncatedBytes: 0, kept: ["abc", "def"] },
  // exactly the limit: still nothing counted
  { limit: 6, chunks: ["abc", "def"], text: "abcdef", bytes: 6, truncatedBytes: 0, kept: ["abc", "def"] },
  // a write across the limit keeps its start and counts its end
  { limit: 4, chunks: ["abc", "def"], text: "abcd", bytes: 4, truncatedBytes: 2, kept: ["abc", "d"] },
  // once a write was cut, later writes are only counted, even ones that would fit
  { limit: 4, chunks: ["abc", "de", "", "f"], text: "abcd", bytes: 4, truncatedBytes: 2, kept: ["abc", "d", "", ""] },
  // a 2-byte é across the limit is not cut in two: it is counted whole
  { limit: 4, chunks: ["abcé"], text: "abc", bytes: 3, truncatedBytes: 2, kept: ["abc"] },
  // an emoji (4 bytes, a surrogate pair) across the limit is not cut in two either
  { limit: 6, chunks: ["a😀😀"], text: "a😀", bytes: 5, truncatedBytes: 4, kept: ["a😀"] },
  // a limit of nothing keeps nothing and counts all
  { limit: 0, chunks: ["ab"], text: "", bytes: 0, truncatedBytes: 2, kept: [""] },
])("limit $limit, writes $chunks: keeps $text, counts $truncatedBytes", ({ limit, chunks, text, bytes, truncatedBytes, kept }) => {
  expect(written(limit, ...chunks)).toEqual({ text, bytes, truncatedBytes, kept });
});

test.each([
  // both fit: the module's output, then the example's
  { first: ["ab"], second: ["cd"], text: "abcd", truncatedBytes: 0 },
  // together over the limit: the second is cut where the joined stream reaches it
  { first: ["abc"], second: ["def"], text: "abcde", truncatedBytes: 1 },
  // the first was cut already: all of the second is counted, and the counts add up
  { first: ["abcdefg"], second: ["xy", "z"], text: "abcde", truncatedBytes: 5 },
  // the second was cut on its own: its count carries over
  { first: ["a"], second: ["bcdefgh"], text: "abcde", truncatedBytes: 3 },
])("concat of $first and $second keeps $text", ({ first, second, text, truncatedBytes }) => {
  const stream = (chunks: string[]) => {
    const output = new CappedOutput(5);
    for (const chunk of chunks) output.append(chunk);
    return output;
  };
  const joined = CappedOutput.concat(stream(first), stream(second));
  expect({ text: joined.text, truncatedBytes: joined.truncatedBytes, bytes: joined.bytes }).toEqual({ text, truncatedBytes, bytes: Buffer.byteLength(text) });
  // what was kept and what was counted is what was written
  expect(joined.bytes + joined.truncatedBytes).toBe([...first, ...second].join("").length);
});
