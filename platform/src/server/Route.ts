import type { ArtifactStore } from "../artifacts/createLocalArtifacts.ts";
import type { Principal, Store } from "../store/Store.ts";

/** What every handler may use. */
export interface Services {
  store: Store;
  artifacts: ArtifactStore;
  now: () => Date;
  maxBodyBytes: number;
}

/** One request as a handler sees it: checked path parameters, query, caller, body on demand. */
export interface RequestContext {
  params: Record<string, string>;
  query: URLSearchParams;
  /** the caller; routes with `auth: false` get an anonymous one */
  principal: Principal;
  /**
   * the body parsed as JSON (400 when malformed or not UTF-8; 413 when over the size limit, nested
   * deeper than 512 levels or with an object of more than 10,000 members); the values at the
   * route's `rawJson` paths come back as `RawJson`, their exact bytes
   */
  json(): Promise<unknown>;
  services: Services;
}

export type Reply = { status: number; json: unknown } | { status: number; bytes: Buffer; contentType: string };

/** A route of the JSON API: the table that both the router and the OpenAPI document read. */
export interface Route {
  method: "GET" | "POST";
  /** e.g. `/v1/models/{name}/versions/{version}` */
  path: string;
  operationId: string;
  summary: string;
  auth: boolean;
  /** OpenAPI fragments: query parameters, request body schema, success status and schema */
  query?: Array<{ name: string; description: string; schema: Record<string, unknown> }>;
  requestBody?: Record<string, unknown>;
  /** body paths whose values are kept as sent (`RawJson`) rather than built, e.g. a JSON artifact */
  rawJson?: ReadonlyArray<readonly string[]>;
  /** a body limit below the registry's `maxBodyBytes`, for routes whose bodies are always small (413 over it) */
  maxBodyBytes?: number;
  success: { status: number; description: string; schema?: Record<string, unknown>; contentType?: string };
  handle(context: RequestContext): Promise<Reply>;
}
