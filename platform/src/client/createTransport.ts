import { EnvelopeError } from "../errors/EnvelopeError.ts";
import { errorFromResponse } from "./errorFromResponse.ts";

export interface RequestOptions {
  json?: unknown;
  query?: URLSearchParams;
  /** return the body's bytes instead of parsed JSON */
  bytes?: boolean;
  /** aborts the request (e.g. `AbortSignal.timeout(ms)`); the error is then `ENVELOPE_NETWORK` */
  signal?: AbortSignal;
}

export type Transport = <T>(method: "GET" | "POST", path: string, options?: RequestOptions) => Promise<T>;

/**
 * HTTP to the registry with the bearer token. A 4xx/5xx becomes an `EnvelopeError` with the
 * server's code, status and problems, its message naming the request; no answer at all is
 * `ENVELOPE_NETWORK`, naming the URL.
 */
export function createTransport(options: { url: string; token: string; fetch?: typeof fetch }): Transport {
  const base = options.url.replace(/\/+$/, "");
  const send = options.fetch ?? fetch;
  return async <T>(method: "GET" | "POST", path: string, request: RequestOptions = {}): Promise<T> => {
    const target = `${base}${path}${request.query && [...request.query].length > 0 ? `?${request.query}` : ""}`;
    const headers: Record<string, string> = { authorization: `Bearer ${options.token}` };
    if (request.json !== undefined) headers["content-type"] = "application/json";
    let response: Response;
    try {
      response = await send(target, { method, headers, ...(request.json === undefined ? {} : { body: JSON.stringify(request.json) }), ...(request.signal ? { signal: request.signal } : {}) });
    } catch (error) {
      const reason = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new EnvelopeError("ENVELOPE_NETWORK", `${method} ${path}: no answer from the registry at ${base} (${reason?.code ?? reason?.message ?? (error as Error).message})`, { cause: error });
    }
    if (response.ok) {
      if (request.bytes) return new Uint8Array(await response.arrayBuffer()) as T;
      return (await response.json()) as T;
    }
    throw errorFromResponse(method, path, response.status, response.statusText, await response.text());
  };
}
