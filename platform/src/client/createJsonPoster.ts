import { Agent as HttpAgent, request as httpRequest, STATUS_CODES } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import { errorFromResponse } from "./errorFromResponse.ts";

/** Posts a JSON body (already a string) to a path of the registry; resolves when it answers 2xx. */
export type JsonPoster = (path: string, body: string, signal?: AbortSignal) => Promise<void>;

/**
 * POSTs to the registry with the bearer token over node:http(s) and one keep-alive connection,
 * with the same errors as `createTransport` (a 4xx/5xx is an `EnvelopeError` with the server's
 * code and status; no answer is `ENVELOPE_NETWORK`, naming the URL). For usage events only: a
 * batch of 500 costs a serving process about half as much CPU this way as through fetch
 * (npm run bench:serving, service CPU per request). An idle connection never keeps the process
 * alive (the agent unrefs it); `signal` aborts the request and closes its connection.
 */
export function createJsonPoster(options: { url: string; token: string }): JsonPoster {
  const base = new URL(options.url.replace(/\/+$/, ""));
  const secure = base.protocol === "https:";
  const send = secure ? httpsRequest : httpRequest;
  const agent = secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const prefix = base.pathname.replace(/\/+$/, "");
  const origin = base.origin;
  return (path, body, signal) =>
    new Promise<void>((resolve, reject) => {
      const failed = (error: Error & { code?: string }) =>
        reject(new EnvelopeError("ENVELOPE_NETWORK", `POST ${path}: no answer from the registry at ${origin} (${error.code ?? error.message})`, { cause: error }));
      const headers = { authorization: `Bearer ${options.token}`, "content-type": "application/json", "content-length": Buffer.byteLength(body) };
      const call = send(
        { protocol: base.protocol, hostname: base.hostname.replace(/^\[|\]$/g, ""), port: base.port, path: `${prefix}${path}`, method: "POST", agent, headers, ...(signal ? { signal } : {}) },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", failed);
          response.on("end", () => {
            const status = response.statusCode ?? 0;
            if (status >= 200 && status < 300) resolve();
            else reject(errorFromResponse("POST", path, status, response.statusMessage ?? STATUS_CODES[status] ?? "", Buffer.concat(chunks).toString("utf8")));
          });
        },
      );
      call.on("error", failed);
      call.end(body);
    });
}
