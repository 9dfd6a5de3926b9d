import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** a usage events endpoint on loopback that answers 500 at once (`fail`) or reads and never answers (`hang`); counts requests */
export async function brokenEndpoint(kind: "fail" | "hang"): Promise<{ url: string; requests: () => number; server: Server }> {
  let received = 0;
  const server = createServer((incoming, response) => {
    received++;
    incoming.resume();
    if (kind === "fail") response.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "ENVELOPE_SERVER", message: "down" } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => received, server };
}
