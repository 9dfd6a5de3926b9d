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
  const keys = Object.keys(value);
  if (depth === 0 || keys.length > 20) return `<object with ${keys.length} keys>`;
  // a plain loop, not entries/fromEntries: this runs on every tracked call (a served request's
  // event summarises its arguments), and the arrays of pairs were most of its cost
  const summary: Record<string, unknown> = {};
  for (const key of keys) {
    const item = (value as Record<string, unknown>)[key];
    const summarized = secret.test(key) ? "<redacted>" : key === "artifact" ? summarizeArtifact(item) : summarize(item, depth - 1);
    // an own key "__proto__" (JSON.parse makes them) stays a key: assigning it would set the prototype
    if (key === "__proto__") Object.defineProperty(summary, key, { value: summarized, enumerable: true, writable: true, configurable: true });
    else summary[key] = summarized;
  }
  return summary;
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
