import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { createJsonPoster } from "../../src/client/createJsonPoster.ts";
import { EnvelopeError } from "../../src/errors/EnvelopeError.ts";

interface Received {
  method: string | undefined;
  url: string | undefined;
  authorization: string | undefined;
  contentType: string | undefined;
  body: string;
  socket: number;
}

const servers: Array<() => void> = [];
afterEach(() => {
  for (const close of servers.splice(0)) close();
});

/** a loopback endpoint that records each request (and which connection it came on) and answers with `reply` */
async function endpoint(reply: (request: IncomingMessage, response: ServerResponse) => void) {
  const received: Received[] = [];
  const sockets: unknown[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (!sockets.includes(request.socket)) sockets.push(request.socket);
      received.push({ method: request.method, url: request.url, authorization: request.headers.authorization, contentType: request.headers["content-type"], body: Buffer.concat(chunks).toString("utf8"), socket: sockets.indexOf(request.socket) });
      reply(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  servers.push(() => (server.closeAllConnections(), server.close()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

const answer = (status: number, body: unknown) => (_: IncomingMessage, response: ServerResponse) => response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));

describe("createJsonPoster", () => {
  test("posts the body with the token and resolves on 2xx, reusing one connection", async () => {
    const { url, received } = await endpoint(answer(202, { recorded: 1 }));
    const post = createJsonPoster({ url: `${url}/`, token: "env_t" });
    await post("/v1/events", '{"events":[]}');
    await post("/v1/events", '{"events":["é"]}');
    expect(received).toEqual([
      { method: "POST", url: "/v1/events", authorization: "Bearer env_t", contentType: "application/json", body: '{"events":[]}', socket: 0 },
      { method: "POST", url: "/v1/events", authorization: "Bearer env_t", contentType: "application/json", body: '{"events":["é"]}', socket: 0 },
    ]);
  });

  test("keeps the path of a registry served under a prefix", async () => {
    const { url, received } = await endpoint(answer(202, {}));
    await createJsonPoster({ url: `${url}/registry`, token: "t" })("/v1/events", "{}");
    expect(received.map((request) => request.url)).toEqual(["/registry/v1/events"]);
  });

  test.each([
    // the registry's error body: its code, status and problems
    [422, { error: { code: "ENVELOPE_INVALID", message: "bad events", problems: [{ path: "events[0].fn", expected: "a function name" }] } }, "ENVELOPE_INVALID", /^POST \/v1\/events: 422 ENVELOPE_INVALID: bad events\n/],
    // anything else: a 5xx is ENVELOPE_SERVER, with the start of the body
    [503, "down for maintenance", "ENVELOPE_SERVER", /^POST \/v1\/events: 503 ENVELOPE_SERVER: "down for maintenance"$/],
  ])("answer %i is an EnvelopeError with its status", async (status, body, code, message) => {
    const { url } = await endpoint(answer(status, body));
    const error = await createJsonPoster({ url, token: "t" })("/v1/events", "{}").catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(EnvelopeError);
    expect(error).toMatchObject({ code, status });
    expect((error as Error).message).toMatch(message);
    if (status === 422) expect((error as EnvelopeError).problems).toEqual([{ path: "events[0].fn", expected: "a function name" }]);
  });

  test("no answer is ENVELOPE_NETWORK naming the registry", async () => {
    const { url } = await endpoint(answer(202, {}));
    for (const close of servers.splice(0)) close();
    const error = await createJsonPoster({ url, token: "t" })("/v1/events", "{}").catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: "ENVELOPE_NETWORK" });
    expect((error as Error).message).toMatch(new RegExp(`^POST /v1/events: no answer from the registry at ${url} \\(ECONNREFUSED\\)$`));
  });

  test("the signal aborts a request that is never answered", async () => {
    const { url, received } = await endpoint(() => {});
    const controller = new AbortController();
    const posting = createJsonPoster({ url, token: "t" })("/v1/events", "{}", controller.signal).catch((thrown: unknown) => thrown);
    // abort once the endpoint has the request, polling (no fixed sleep)
    const deadline = Date.now() + 10_000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    expect(await posting).toMatchObject({ code: "ENVELOPE_NETWORK" });
  });
});
