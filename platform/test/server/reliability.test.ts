import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, test } from "vitest";
import { envelopeBody } from "../support/models.ts";
import { tempDir } from "../support/tempDir.ts";

const fixture = fileURLToPath(new URL("./fixtures/registryProcess.ts", import.meta.url));
const token = "reliability-token";
const children: ChildProcess[] = [];
const dirs: Array<{ remove: () => void }> = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) dir.remove();
});

/** Starts the registry in a child process; `lines` waits for a line of its stdout matching a pattern. */
async function spawnRegistry(dir: string, hang?: string) {
  const child = spawn(process.execPath, ["--import", "tsx", fixture, path.join(dir, "data"), path.join(dir, "artifacts"), token, ...(hang ? [`hang=${hang}`] : [])], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  let errors = "";
  const waiters: Array<() => void> = [];
  child.stdout!.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    for (const waiter of waiters.splice(0)) waiter();
  });
  child.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const line = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (match) resolve(match);
        else if (child.exitCode !== null) reject(new Error(`registry process exited ${child.exitCode}: ${errors}`));
        else waiters.push(check);
      };
      child.once("exit", () => check());
      check();
    });
  const [, url] = await line(/READY (\S+)/);
  const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", () => resolve())));
  return { url: url!, line, kill: async () => (child.kill("SIGKILL"), await exited) };
}

const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };

function save(url: string, name: string, marker: number) {
  const body = envelopeBody({ tags: { marker: String(marker) }, function: { artifact: { encoding: "json", data: { marker } }, shape: envelopeBody().function.shape } });
  return fetch(`${url}/v1/models/${name}`, { method: "POST", headers: auth, body: JSON.stringify(body) });
}

async function versionsOf(url: string, name: string): Promise<Array<{ version: number; tags: Record<string, string> }>> {
  const response = await fetch(`${url}/v1/models?tag=name=${name}&limit=500`, { headers: auth });
  return ((await response.json()) as { models: Array<{ version: number; tags: Record<string, string> }> }).models;
}

describe("reliability of saves", () => {
  test("a save killed inside its transaction leaves no version; the next save takes its number", { timeout: 60_000 }, async () => {
    const temp = tempDir();
    dirs.push(temp);
    const first = await spawnRegistry(temp.dir, "victim@2");
    expect((await save(first.url, "victim", 1)).status).toBe(201);
    expect((await save(first.url, "bystander", 1)).status).toBe(201);
    const doomed = save(first.url, "victim", 2).catch((error: unknown) => error);
    await first.line(/HANGING victim v2/);
    await first.kill();
    expect(await doomed).toBeInstanceOf(Error);

    const second = await spawnRegistry(temp.dir);
    expect((await versionsOf(second.url, "victim")).map((model) => model.version)).toEqual([1]);
    const latest = await fetch(`${second.url}/v1/models/victim/versions/latest`, { headers: auth });
    expect(((await latest.json()) as { version: number }).version).toBe(1);
    expect((await versionsOf(second.url, "bystander")).map((model) => model.version)).toEqual([1]);
    const retried = await save(second.url, "victim", 3);
    expect(((await retried.json()) as { version: number }).version).toBe(2);
    const artifact = await fetch(`${second.url}/v1/models/victim/versions/2/artifact`, { headers: auth });
    expect(await artifact.json()).toEqual({ marker: 3 });
  });

  test("killed under concurrent saves: after a restart every acknowledged save is served, versions are consecutive and complete", { timeout: 60_000 }, async () => {
    const temp = tempDir();
    dirs.push(temp);
    const first = await spawnRegistry(temp.dir);
    const names = ["alpha", "beta", "gamma"];
    const acknowledged: Array<{ name: string; version: number; marker: number }> = [];
    let marker = 0;
    const attempts = Array.from({ length: 60 }, (_, index) => {
      const name = names[index % names.length]!;
      const mine = ++marker;
      return save(first.url, name, mine)
        .then(async (response) => {
          if (response.status === 201) acknowledged.push({ name, version: ((await response.json()) as { version: number }).version, marker: mine });
        })
        .catch(() => {});
    });
    while (acknowledged.length < 10) await new Promise((resolve) => setTimeout(resolve, 5));
    await first.kill();
    await Promise.all(attempts);
    expect(acknowledged.length).toBeLessThan(60);

    const second = await spawnRegistry(temp.dir);
    for (const name of names) {
      const versions = await versionsOf(second.url, name);
      const numbers = versions.map((model) => model.version).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, index) => index + 1));
      for (const model of versions) {
        const artifact = await fetch(`${second.url}/v1/models/${name}/versions/${model.version}/artifact`, { headers: auth });
        expect(artifact.status).toBe(200);
        expect(await artifact.json()).toEqual({ marker: Number(model.tags["marker"]) });
      }
    }
    for (const saved of acknowledged) {
      const response = await fetch(`${second.url}/v1/models/${saved.name}/versions/${saved.version}`, { headers: auth });
      expect(response.status, `${saved.name} v${saved.version}`).toBe(200);
      expect(((await response.json()) as { tags: Record<string, string> }).tags["marker"]).toBe(String(saved.marker));
    }
  });
});
