import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, test, vi } from "vitest";
import { spawnModelProcess } from "../../src/serving/spawnModelProcess.ts";
import { isAlive as alive } from "../../src/process/isAlive.ts";

test("a model process stuck in a loop ends when its service is killed with SIGKILL, leaving nothing spinning", { timeout: 30_000 }, async () => {
  const module = fileURLToPath(new URL("../../src/serving/spawnModelProcess.ts", import.meta.url));
  // the service: starts a model that loops forever, runs a call, prints the model's pid, and is killed
  const script = `
    import { spawnModelProcess } from ${JSON.stringify(module)};
    const model = spawnModelProcess({ source: "export function predict() { for (;;) {} }", state: {}, label: "stuck@1", memoryLimitMb: 64, onReply: () => {}, onDeath: () => {} });
    await model.loaded;
    model.run(1, { rows: [{}] });
    process.stdout.write("MODEL " + model.pid + "\\n");
  `;
  const service = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  service.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await vi.waitFor(() => expect(output).toMatch(/MODEL \d+/), { timeout: 20_000, interval: 20 });
  const pid = Number(/MODEL (\d+)/.exec(output)![1]);
  try {
    service.kill("SIGKILL");
    await vi.waitFor(() => expect(alive(pid)).toBe(false), { timeout: 10_000, interval: 50 });
  } finally {
    if (alive(pid)) process.kill(pid, "SIGKILL");
  }
});

test("a model's state reaches it as sent: JSON as JSON, bytes as a Uint8Array", async () => {
  const replies: unknown[] = [];
  const source = "export function predict(rows, state) { return [{ kind: state instanceof Uint8Array ? 'bytes' : typeof state, value: state instanceof Uint8Array ? [...state] : state }]; }";
  for (const state of [{ slope: 2 }, new Uint8Array([1, 2, 255])]) {
    const model = spawnModelProcess({ source, state, label: "state@1", memoryLimitMb: 64, onReply: (reply) => replies.push(reply), onDeath: () => {} });
    await model.loaded;
    model.run(7, { rows: [{}] });
    await vi.waitFor(() => expect(replies).toHaveLength(state instanceof Uint8Array ? 2 : 1), { timeout: 10_000, interval: 10 });
    await model.kill();
  }
  expect(replies).toEqual([
    { id: 7, ok: true, outputs: [{ kind: "object", value: { slope: 2 } }] },
    { id: 7, ok: true, outputs: [{ kind: "bytes", value: [1, 2, 255] }] },
  ]);
});
