const secret = /token|password|secret|authorization/i;

function summarize(value: unknown, depth: number): unknown {
  if (value === null || typeof value === "boolean" || typeof value === "number") return value;
  if (typeof value === "string") return value.length > 80 ? `${value.slice(0, 77)}...` : value;
  if (value === undefined) return null;
  if (typeof value === "function") return "<function>";
  if (typeof value !== "object") return String(value);
  if (ArrayBuffer.isView(value)) return `<${value.byteLength} bytes>`;
  if (Array.isArray(value)) {
    if (depth === 0 || value.length > 5) return `<${value.length} items>`;
    return value.map((item) => summarize(item, depth - 1));
  }
  const entries = Object.entries(value);
  if (depth === 0 || entries.length > 20) return `<object with ${entries.length} keys>`;
  return Object.fromEntries(entries.map(([key, item]) => [key, secret.test(key) ? "<redacted>" : key === "artifact" ? summarizeArtifact(item) : summarize(item, depth - 1)]));
}

function summarizeArtifact(artifact: unknown): string {
  if (ArrayBuffer.isView(artifact)) return `<${artifact.byteLength} bytes>`;
  return `<json, ${JSON.stringify(artifact ?? null).length} characters>`;
}

/**
 * A short, JSON-safe summary of a call's arguments for usage events: short strings and numbers as
 * they are, long lists and bytes as counts, artifacts as their size, secrets redacted.
 */
export function summarizeArgs(args: readonly unknown[]): unknown[] {
  return args.map((arg) => summarize(arg, 3));
}
