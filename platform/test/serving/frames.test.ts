import { expect, test } from "vitest";
import { createFrameReader, frameOf } from "../../src/serving/frames.mjs";

function bytesOf(header: object, buffers: ArrayBufferView[]): Buffer {
  return Buffer.concat(frameOf(header, buffers));
}

function reader() {
  const frames: Array<{ header: Record<string, unknown>; buffers: ArrayBuffer[] }> = [];
  const errors: unknown[] = [];
  const read = createFrameReader((header, buffers) => frames.push({ header, buffers }), (error) => errors.push(error), 1024);
  return { frames, errors, read };
}

test("frames come out whole and in order however the stream cuts them, each buffer in an ArrayBuffer of its own", () => {
  const doubles = Float64Array.from([1.5, -2, 3e300]);
  const odd = Uint8Array.from([1, 2, 3, 4, 5]);
  const stream = Buffer.concat([bytesOf({ id: 1, note: "é" }, [doubles, odd]), bytesOf({ id: 2 }, []), bytesOf({ id: 3 }, [odd])]);
  for (const size of [1, 3, 7, 8, 13, stream.length]) {
    const { frames, errors, read } = reader();
    for (let from = 0; from < stream.length; from += size) read(stream.subarray(from, from + size));
    expect(errors).toEqual([]);
    expect(frames.map((frame) => frame.header)).toEqual([{ id: 1, note: "é" }, { id: 2 }, { id: 3 }]);
    expect(new Float64Array(frames[0]!.buffers[0]!)).toEqual(doubles);
    expect(new Uint8Array(frames[0]!.buffers[1]!)).toEqual(odd);
    expect(new Uint8Array(frames[2]!.buffers[0]!)).toEqual(odd);
  }
});

test("a frame longer than the limit stops the reader with an error naming its length", () => {
  const { frames, errors, read } = reader();
  read(bytesOf({ id: 1 }, [new Uint8Array(2000)]));
  read(bytesOf({ id: 2 }, []));
  expect(frames).toEqual([]);
  expect(String(errors[0])).toMatch(/^RangeError: a frame of \d+ bytes; expected at most 1024$/);
  expect(errors).toHaveLength(1);
});

test("a header that is not JSON stops the reader with an error", () => {
  const { frames, errors, read } = reader();
  const bad = Buffer.alloc(16);
  bad.writeUInt32LE(12, 0);
  bad.writeUInt32LE(4, 4);
  bad.write("{not", 8);
  read(bad);
  expect(frames).toEqual([]);
  expect(errors).toHaveLength(1);
});
