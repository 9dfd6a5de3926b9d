import { createServer, request, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the proxy saw, before it decided to forward or fail it. */
export interface SeenRequest {
  method: string;
  /** the object key from a path-style URL, `` for bucket-level requests */
  key: string;
  /** how many times this method and key were seen so far, this one included */
  attempt: number;
}

/** A counting, fault-injecting HTTP proxy in front of an S3 server on loopback. */
export interface Proxy {
  endpoint: string;
  /** every request seen, in arrival order */
  seen: SeenRequest[];
  /** answer a request with an S3 `InternalError` 500 instead of forwarding it */
  failWhen: (request: SeenRequest) => boolean;
  /** take a request (its body read) and never answer it, as a stuck server does */
  hangWhen: (request: SeenRequest) => boolean;
  /** requests seen with this method (`PUT`, `HEAD`, `GET`, `POST`, `DELETE`) */
  count: (method: string) => number;
  reset: () => void;
  close: () => Promise<void>;
}

/**
 * Starts a proxy on 127.0.0.1 that forwards to `targetPort` with the Host header untouched (so
 * SigV4 signatures still verify), counting requests and failing the ones `failWhen` picks.
 */
export async function startProxy(targetPort: number): Promise<Proxy> {
  const attempts = new Map<string, number>();
  const proxy: Proxy = {
    endpoint: "",
    seen: [],
    failWhen: () => false,
    hangWhen: () => false,
    count: (method) => proxy.seen.filter((seen) => seen.method === method).length,
    reset: () => {
      proxy.seen.length = 0;
      attempts.clear();
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // the requests left hanging would hold the server open
        server.closeAllConnections();
      }),
  };
  const server = createServer((incoming, outgoing) => {
    const method = incoming.method ?? "GET";
    const key = keyOf(incoming);
    const id = `${method} ${key}`;
    const attempt = (attempts.get(id) ?? 0) + 1;
    attempts.set(id, attempt);
    const seen = { method, key, attempt };
    proxy.seen.push(seen);
    if (proxy.hangWhen(seen)) {
      incoming.resume();
      return;
    }
    if (proxy.failWhen(seen)) {
      incoming.resume();
      incoming.on("end", () => {
        outgoing.writeHead(500, { "content-type": "application/xml" });
        outgoing.end('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InternalError</Code><Message>injected by the test proxy</Message></Error>');
      });
      return;
    }
    const forward = request(
      { host: "127.0.0.1", port: targetPort, method, path: incoming.url, headers: incoming.headers },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    forward.on("error", () => outgoing.destroy());
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}

function keyOf(incoming: IncomingMessage): string {
  const path = new URL(incoming.url ?? "/", "http://proxy").pathname;
  const slash = path.indexOf("/", 1);
  return slash === -1 ? "" : decodeURIComponent(path.slice(slash + 1));
}
