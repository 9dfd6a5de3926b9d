import { spawn, type ChildProcess } from "node:child_process";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, test } from "vitest";

// what a user's process does with tracking in it, run in a child process (see fixtures/README.md)
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const children: ChildProcess[] = [];
const servers: Server[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const server of servers.splice(0)) server.closeAllConnections(), server.close();
});

/** an endpoint on loopback that reads every request and never answers */
async function hangingEndpoint(): Promise<{ url: string; requests: () => number }> {
  let requests = 0;
  const server = createServer((incoming) => {
    requests++;
    incoming.resume();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => requests };
}

/** runs a fixture; `exited` resolves with its code and output, or with `still running` after `limitMs` */
function run(name: string, url: string, limitMs = 20_000) {
  const child = spawn(process.execPath, ["--import", "tsx", fixture(name), url], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let stdout = "";
  let stderr = "";
  const waiters: Array<() => void> = [];
  child.stdout!.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const waiter of waiters.splice(0)) waiter();
  });
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const line = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(stdout);
        if (match) resolve(match);
        else if (child.exitCode !== null) reject(new Error(`${name} exited ${child.exitCode}: ${stderr}`));
        else waiters.push(check);
      };
      child.once("exit", () => check());
      check();
    });
  const exited = () =>
    new Promise<{ code: number | string | null; stdout: string; stderr: string }>((resolve) => {
      const done = () => resolve({ code: child.exitCode, stdout, stderr });
      if (child.exitCode !== null) return done();
      const timer = setTimeout(() => resolve({ code: "still running", stdout, stderr }), limitMs);
      child.once("exit", () => (clearTimeout(timer), done()));
    });
  return { child, line, exited };
}

function postRow(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ rows: [{ x: 1, plan: "pro", visits: 2 }] });
    const call = request(`${url}/predict`, { method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    call.on("error", reject);
    call.end(body);
  });
}

describe("tracking in a user's process", () => {
  test("a sink that never answers does not hold the process open after its last call", { timeout: 40_000 }, async () => {
    const endpoint = await hangingEndpoint();
    const result = await run("exitWithHangingSink.ts", endpoint.url).exited();
    expect(result).toMatchObject({ code: 0, stdout: "DONE\n" });
    expect(endpoint.requests()).toBeGreaterThan(0);
  });

  test("a sink that answers gets every event of a process that ends without flush", { timeout: 40_000 }, async () => {
    const received: string[] = [];
    const server = createServer((incoming, response) => {
      let body = "";
      incoming.on("data", (chunk: Buffer) => (body += chunk.toString()));
      incoming.on("end", () => {
        received.push(...(JSON.parse(body) as { events: Array<{ fn: string }> }).events.map((event) => event.fn));
        response.writeHead(202, { "content-type": "application/json" }).end(`{"recorded":1}`);
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    const result = await run("exitWithHealthySink.ts", `http://127.0.0.1:${(server.address() as AddressInfo).port}`).exited();
    expect(result).toMatchObject({ code: 0, stdout: "DONE\n" });
    expect(received).toEqual(["first", "second", "third"]);
  });

  test("a throwing onError neither crashes the process nor stops tracking", { timeout: 40_000 }, async () => {
    const result = await run("throwingOnError.ts", "http://127.0.0.1:9").exited();
    expect(result).toMatchObject({ code: 0, stdout: "DONE\n" });
    expect(result.stderr).toBe("usage tracking: onError threw (ignored; reported once): onError is broken\n");
  });

  test("a service whose sink never answers stops on SIGTERM", { timeout: 40_000 }, async () => {
    const endpoint = await hangingEndpoint();
    const service = run("serveWithHangingSink.ts", endpoint.url);
    const [, url] = await service.line(/READY (\S+)/);
    for (let index = 0; index < 5; index++) expect(await postRow(url!)).toBe(200);
    service.child.kill("SIGTERM");
    expect(await service.exited()).toMatchObject({ code: 0 });
  });
});
