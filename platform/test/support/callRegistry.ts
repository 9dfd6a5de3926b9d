import type { TestRegistry } from "./startTestRegistry.ts";

export interface CallOptions {
  /** a token, or null for none; default ada's */
  token?: string | null;
  /** sent as JSON.stringify(body) */
  body?: unknown;
  /** sent as given: text, or bytes that need not be UTF-8 */
  raw?: string | Uint8Array;
}

export interface CallResult {
  status: number;
  json: any;
  text: string;
  bytes: Buffer;
  headers: Headers;
}

/** A request to a test registry as ada (or `token`), the answer read whole and parsed as JSON when it is. */
export async function callRegistry(registry: TestRegistry, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = {};
  const token = options.token === undefined ? registry.tokens.ada : options.token;
  if (token !== null) headers["authorization"] = `Bearer ${token}`;
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${registry.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString("utf8");
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text, bytes, headers: response.headers };
}
