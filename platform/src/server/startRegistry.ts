import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createLocalArtifacts, type ArtifactStore } from "../artifacts/createLocalArtifacts.ts";
import { createAuthenticator } from "../auth/createAuthenticator.ts";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import { openStore, type StoreOptions } from "../store/openStore.ts";
import { createUiHandler } from "../ui/serve/serveUi.ts";
import type { Principal, Store } from "../store/Store.ts";
import { createLane } from "./createLane.ts";
import { errorBody } from "./errorBody.ts";
import { matchRoute } from "./matchRoute.ts";
import { defaultJsonLimits, parseJson } from "./parseJson.ts";
import { readBody } from "./readBody.ts";
import type { Reply, Route, Services } from "./Route.ts";
import { routes } from "./routes.ts";
import { splitPath } from "./splitPath.ts";

export interface RegistryOptions {
  /** an open store, or how to open one (closed with the registry when opened here) */
  store: Store | StoreOptions;
  /** the artifact folder, unless `artifacts` is given */
  artifactsDir?: string;
  /** where artifacts live (see `openArtifacts`: a folder or `s3://bucket/prefix`) */
  artifacts?: ArtifactStore;
  /** default 127.0.0.1 */
  host?: string;
  /** default 0: an ephemeral port */
  port?: number;
  /** the largest request body accepted; default 16 MiB */
  maxBodyBytes?: number;
  /** where 500s are logged; default stderr */
  log?: (line: string) => void;
  now?: () => Date;
  /** the dashboard's bundle served at /ui; default the one `npm run build:ui` builds */
  uiBundle?: string;
}

export interface RunningRegistry {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  store: Store;
  /**
   * makes the registry what a fresh one is, cheaply: empties its store (see `Store.clear`) and,
   * when it was given `artifactsDir`, that folder. Issued tokens stay valid. For fixtures between
   * runs (tests, the docs' writer's loop), with no request in flight.
   */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const anonymous: Principal = { user: "anonymous", team: "", admin: false };
/** bodies at least this large are parsed one at a time (see `createLane`); smaller ones at once */
const largeBodyBytes = 1024 * 1024;

function send(response: ServerResponse, reply: Reply): void {
  if ("bytes" in reply) {
    response.writeHead(reply.status, { "content-type": reply.contentType, "content-length": reply.bytes.length });
    response.end(reply.bytes);
    return;
  }
  const body = JSON.stringify(reply.json);
  response.writeHead(reply.status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
  response.end(body);
}

/**
 * Starts the registry's HTTP service (JSON under `/v1`, OpenAPI at `/v1/openapi.json`) on
 * loopback by default. Every failure a request can cause is a 4xx with a JSON error; a 500 means
 * a bug of ours and is logged.
 */
export async function startRegistry(options: RegistryOptions): Promise<RunningRegistry> {
  const ownsStore = !("saveModel" in options.store);
  const store = "saveModel" in options.store ? options.store : await openStore(options.store);
  if (!options.artifacts && !options.artifactsDir) throw new EnvelopeError("ENVELOPE_CONFIG", "startRegistry: give `artifactsDir` (a folder) or `artifacts` (a store)");
  // an `artifacts` store is the caller's to empty; a folder given by name is ours
  const localArtifacts = options.artifacts ? undefined : createLocalArtifacts(options.artifactsDir!);
  const artifacts = options.artifacts ?? localArtifacts!;
  const services: Services = { store, artifacts, now: options.now ?? (() => new Date()), maxBodyBytes: options.maxBodyBytes ?? 16 * 1024 * 1024 };
  const authenticate = createAuthenticator(store);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const largeBodies = createLane();
  const ui = createUiHandler(options.uiBundle);
  const readJson = async (request: IncomingMessage, raw: Route["rawJson"], maxBodyBytes = services.maxBodyBytes) => {
    const body = await readBody(request, Math.min(maxBodyBytes, services.maxBodyBytes));
    const parse = () => parseJson(body, { ...defaultJsonLimits, ...(raw ? { raw } : {}) });
    return body.length >= largeBodyBytes ? largeBodies(parse) : parse();
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const { segments, query } = splitPath(request.url ?? "/");
      const method = request.method ?? "GET";
      if (segments[0] === "ui") return send(response, await ui(method, segments));
      const match = matchRoute(routes, method, segments);
      if (!match) throw new EnvelopeError("ENVELOPE_NOT_FOUND", `no route ${method} ${request.url?.split("?")[0]}; see GET /v1/openapi.json`);
      if ("allowed" in match) {
        response.setHeader("allow", match.allowed.join(", "));
        throw new EnvelopeError("ENVELOPE_METHOD_NOT_ALLOWED", `${method} is not allowed here; expected ${match.allowed.join(" or ")}`);
      }
      const principal = match.route.auth ? await authenticate(request.headers.authorization) : anonymous;
      const reply = await match.route.handle({ params: match.params, query, principal, json: () => readJson(request, match.route.rawJson, match.route.maxBodyBytes), services });
      send(response, reply);
    } catch (error) {
      const { status, body } = errorBody(error);
      if (status === 500) log(`registry: ${request.method} ${request.url}: ${(error as Error)?.stack ?? String(error)}`);
      if (!response.headersSent) send(response, { status, json: body });
      else response.destroy();
    }
  }

  const server = createServer({ keepAliveTimeout: 10_000 }, (request, response) => void handle(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    port,
    store,
    async reset() {
      // the authenticator's cache stays: it remembers only tokens, and those survive the reset
      await store.clear();
      await localArtifacts?.clear();
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (ownsStore) await store.close();
    },
  };
}
