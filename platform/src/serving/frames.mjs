// Frames on the binary channel between a model's process and its parent (file descriptor 4, a
// socket pair): a batch's columns travel as raw bytes, not as JSON text. Plain JavaScript, as
// predictWorker.mjs runs under plain `node`.
//
// A frame: a u32 (little-endian) byte length of the rest, a u32 byte length of the header, the
// header as JSON (its `buffers` lists the byte length of each buffer), zero bytes up to a
// multiple of 8, then each buffer, each padded to a multiple of 8.

const pad = (length) => (8 - (length % 8)) % 8;
const zeros = new Uint8Array(8);

/** The pieces to write for one frame: `header` (JSON data) and the `buffers` it refers to by index. */
export function frameOf(header, buffers) {
  const json = Buffer.from(JSON.stringify({ ...header, buffers: buffers.map((buffer) => buffer.byteLength) }), "utf8");
  const pieces = [json, zeros.subarray(0, pad(json.length + 8))];
  for (const buffer of buffers) pieces.push(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), zeros.subarray(0, pad(buffer.byteLength)));
  const length = pieces.reduce((sum, piece) => sum + piece.byteLength, 4);
  const prefix = Buffer.alloc(8);
  prefix.writeUInt32LE(length, 0);
  prefix.writeUInt32LE(json.length, 4);
  return [prefix, ...pieces].filter((piece) => piece.byteLength > 0);
}

/** Writes one frame to a stream (corked, so its pieces go out together). */
export function writeFrame(stream, header, buffers) {
  stream.cork();
  for (const piece of frameOf(header, buffers)) stream.write(piece);
  process.nextTick(() => stream.uncork());
}

/**
 * A reader of frames from a stream's chunks: `onFrame(header, buffers)` gets each whole frame, its
 * buffers as ArrayBuffers of their own (copied, so typed arrays of any width can view them).
 * A frame longer than `maxBytes` or a header that is not JSON calls `onError` and stops reading.
 */
export function createFrameReader(onFrame, onError, maxBytes = 1024 * 1024 * 1024) {
  let chunks = [];
  let held = 0;
  let stopped = false;
  return (chunk) => {
    if (stopped) return;
    chunks.push(chunk);
    held += chunk.length;
    while (held >= 4) {
      const head = chunks[0].length >= 8 ? chunks[0] : Buffer.concat(chunks);
      const length = head.readUInt32LE(0);
      if (length > maxBytes || length < 4) {
        stopped = true;
        return onError(new RangeError(`a frame of ${length} bytes; expected at most ${maxBytes}`));
      }
      if (held < length + 4) return;
      const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      const rest = all.subarray(length + 4);
      chunks = rest.length > 0 ? [rest] : [];
      held = rest.length;
      let header;
      try {
        const headerLength = all.readUInt32LE(4);
        header = JSON.parse(all.toString("utf8", 8, 8 + headerLength));
        let offset = 8 + headerLength + pad(8 + headerLength);
        const buffers = header.buffers.map((size) => {
          const buffer = all.buffer.slice(all.byteOffset + offset, all.byteOffset + offset + size);
          offset += size + pad(size);
          return buffer;
        });
        delete header.buffers;
        onFrame(header, buffers);
      } catch (error) {
        stopped = true;
        return onError(error);
      }
    }
  };
}
