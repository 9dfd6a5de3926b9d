import type { IncomingMessage } from "node:http";
import { EnvelopeError } from "../errors/EnvelopeError.ts";

function tooLarge(limit: number, size: string): EnvelopeError {
  return new EnvelopeError("ENVELOPE_TOO_LARGE", `request body is ${size}; the limit is ${limit} bytes (keep large artifacts out of the envelope or raise maxBodyBytes)`, { details: { limit } });
}

/**
 * Reads a request body up to `limit` bytes. A larger one is refused with 413 as soon as it is
 * known (from Content-Length, or while streaming). The rest is drained unread, not destroyed,
 * so that the client receives the answer and its keep-alive connection stays usable.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume();
    return Promise.reject(tooLarge(limit, `${declared} bytes`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (refused) return;
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        reject(tooLarge(limit, `over ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => {
      if (!refused) resolve(Buffer.concat(chunks));
    });
    request.on("error", (error) => {
      if (!refused) reject(new EnvelopeError("ENVELOPE_MALFORMED_JSON", `request body could not be read: ${error.message}`, { cause: error }));
    });
  });
}
