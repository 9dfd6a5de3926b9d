/**
 * The error for a file whose bytes are not what the plan hashed: uploading it would store a
 * `sha256` that lies about the content, and the next publish would skip the file.
 */
export function changedWhilePublishing(path: string): Error {
  return new Error(`${path} changed while publishing (is a build still writing to the folder?)`);
}
