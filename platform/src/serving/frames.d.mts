import type { Writable } from "node:stream";

/** The pieces to write for one frame: `header` (JSON data) and the buffers it refers to by index. */
export function frameOf(header: object, buffers: readonly ArrayBufferView[]): Uint8Array[];
/** Writes one frame to a stream, its pieces corked together. */
export function writeFrame(stream: Writable, header: object, buffers: readonly ArrayBufferView[]): void;
/** A reader of frames from a stream's chunks; a frame over `maxBytes` (default 1 GiB) or a bad header calls `onError` and stops it. */
export function createFrameReader(onFrame: (header: Record<string, unknown>, buffers: ArrayBuffer[]) => void, onError: (error: unknown) => void, maxBytes?: number): (chunk: Buffer) => void;
