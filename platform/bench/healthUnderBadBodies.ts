import { Agent, request } from "node:http";
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Latencies of `GET /v1/health`, one request after another on one keep-alive connection. */
export interface HealthFigures {
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface BadBodyFigures {
  body: string;
  bytes: number;
  /** bad bodies sent: some one at a time, then three at once */
  sent: number;
  statuses: number[];
  /** the largest answer to a bad body */
  answerBytes: number;
  /** the slowest answer to a bad body */
  slowestMs: number;
  health: HealthFigures;
}

function percentiles(latencies: number[]): HealthFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 100) / 100;
  return { requests: sorted.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1) };
}

/**
 * Measures the registry's `/v1/health` latency with nothing else going on, then while bad 16 MiB
 * saves are being refused (each kind: three one at a time, then three at once), on loopback.
 */
export async function healthUnderBadBodies(url: URL, token: string, baselineMs = 3000): Promise<{ baseline: HealthFigures; bad: BadBodyFigures[] }> {
  const healthAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  const health = () =>
    new Promise<void>((resolve, reject) => {
      const call = request({ host: url.hostname, port: url.port, path: "/v1/health", agent: healthAgent }, (response) => {
        response.resume();
        response.on("end", () => resolve());
      });
      call.on("error", reject);
      call.end();
    });
  /** polls health until `done` settles; returns the latencies */
  async function pollHealth(done: Promise<unknown>): Promise<number[]> {
    let finished = false;
    void done.finally(() => (finished = true));
    const latencies: number[] = [];
    while (!finished) {
      const started = performance.now();
      await health();
      latencies.push(performance.now() - started);
    }
    return latencies;
  }

  const baseline = percentiles(await pollHealth(new Promise((resolve) => setTimeout(resolve, baselineMs))));
  const bad: BadBodyFigures[] = [];
  for (const kind of ["bad tag keys", "bad metric points"] as const) {
    // the bad bodies are built and sent from a process of their own: this one only times health
    const sender = fork(fileURLToPath(new URL("./sendBadBodies.ts", import.meta.url)), [url.href, token, kind], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let settle: (figures: Omit<BadBodyFigures, "health">) => void = () => undefined;
    const done = new Promise<Omit<BadBodyFigures, "health">>((resolve, reject) => {
      settle = resolve;
      sender.once("exit", (code) => reject(new Error(`sendBadBodies exited ${code} before it answered`)));
    });
    await new Promise<void>((resolve, reject) => {
      sender.on("message", (message: "ready" | { figures: Omit<BadBodyFigures, "health"> }) => (message === "ready" ? resolve() : settle(message.figures)));
      sender.once("exit", (code) => reject(new Error(`sendBadBodies exited ${code} before it was ready`)));
    });
    sender.send("go");
    const latencies = await pollHealth(done);
    bad.push({ ...(await done), health: percentiles(latencies) });
  }
  healthAgent.destroy();
  return { baseline, bad };
}
