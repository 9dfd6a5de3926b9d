/**
 * The docs' platform: started once per `exemplar check`, before any example. A registry on an
 * ephemeral loopback port with a fresh embedded store in a temp folder, tokens for two teams and
 * an admin, and a local webhook receiver that keeps the alerts it gets, per channel
 * (`POST /hooks/<channel>` stores, `GET /hooks/<channel>` lists). Teardown stops it all and
 * removes the folder; exemplar runs it also when examples fail. Reset empties the registry
 * (tokens stay valid) and the receiver's channels, so that the docs site's writer's loop keeps
 * this setup across saves and every re-run sees what a fresh one would (`saved churn v1`).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { issueToken, startRegistry } from "@envelope/platform";

function startWebhookReceiver() {
  const channels = new Map<string, unknown[]>();
  const server = createServer((request, response) => {
    const channel = (request.url ?? "/").replace(/^\/hooks\//, "");
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (request.method === "POST") {
        let message: unknown;
        try {
          message = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        } catch {
          response.writeHead(400).end("expected JSON");
          return;
        }
        channels.set(channel, [...(channels.get(channel) ?? []), message]);
        response.writeHead(200, { "content-type": "text/plain" }).end("ok");
      } else {
        response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(channels.get(channel) ?? []));
      }
    });
  });
  return new Promise<{ url: string; clear: () => void; close: () => Promise<void> }>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/hooks`,
        clear: () => channels.clear(),
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

export default async function setup() {
  const root = mkdtempSync(path.join(tmpdir(), "envelope-docs-"));
  const registry = await startRegistry({
    store: { dataDir: path.join(root, "data") },
    artifactsDir: path.join(root, "artifacts"),
    // small enough for the 413 example to hit quickly
    maxBodyBytes: 1024 * 1024,
    log: () => {},
  });
  const webhooks = await startWebhookReceiver();
  const env = {
    ENVELOPE_REGISTRY_URL: registry.url,
    ENVELOPE_TOKEN: await issueToken(registry.store, { user: "ada", team: "churn" }),
    ENVELOPE_OTHER_TEAM_TOKEN: await issueToken(registry.store, { user: "grace", team: "fraud" }),
    ENVELOPE_ADMIN_TOKEN: await issueToken(registry.store, { user: "platform-team", team: "platform", admin: true }),
    ENVELOPE_WEBHOOKS: webhooks.url,
  };
  return {
    env,
    // the examples close what they start (services, runners): the registry and the receiver
    // hold all that outlives a run
    reset: async () => {
      await registry.reset();
      webhooks.clear();
    },
    teardown: async () => {
      await webhooks.close();
      await registry.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
