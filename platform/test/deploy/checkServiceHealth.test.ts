import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { checkServiceHealth } from "../../src/deploy/checkServiceHealth.ts";

let server: Server;
let url: string;
beforeAll(async () => {
  // /ok/healthz is healthy for churn@3, /sick/healthz answers 503, /hang/healthz never answers
  server = createServer((request, response) => {
    if (request.url === "/hang/healthz") return;
    const body = JSON.stringify({ ok: request.url === "/ok/healthz", model: "churn", version: 3 });
    response.writeHead(request.url === "/ok/healthz" ? 200 : 503, { "content-type": "application/json" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

test.each([
  // path, model, reason (undefined: healthy)
  ["/ok", { name: "churn", version: 3 }, undefined],
  ["/ok", { name: "churn", version: 4 }, /^GET http:\/\/127\.0\.0\.1:\d+\/ok\/healthz says it serves churn@3, not churn@4$/],
  ["/sick", { name: "churn", version: 3 }, /^GET http:\/\/127\.0\.0\.1:\d+\/sick\/healthz answered 503$/],
  ["/hang", { name: "churn", version: 3 }, /^GET http:\/\/127\.0\.0\.1:\d+\/hang\/healthz failed: no answer in 300 ms$/],
])("a service at %s for %j: %s", async (path, model, reason) => {
  const found = await checkServiceHealth(`${url}${path}`, model, 300);
  if (reason === undefined) expect(found).toBeUndefined();
  else expect(found).toMatch(reason);
});

test("a service that is not listening: the connection's error", async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  expect(await checkServiceHealth(`http://127.0.0.1:${port}`, { name: "churn", version: 3 }, 2000)).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/healthz failed: .*ECONNREFUSED/);
});
