import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import { modelLabel } from "../serving/modelLabel.ts";
import { checkServiceHealth } from "./checkServiceHealth.ts";
import type { ServiceRunner } from "./ServiceRunner.ts";
import { isAlive as alive } from "../process/isAlive.ts";

export interface ProcessRunnerOptions {
  /** where each service's pid file and log go: `<dir>/<service>.pid`, `<dir>/<service>.log` */
  dir: string;
  /** the environment of the services (registry URL and token, alert webhook) */
  env: NodeJS.ProcessEnv;
  /** how long a service may take to serve (default 30,000 ms) */
  startTimeoutMs?: number;
  /** how long a service's health check may take (default 5,000 ms) */
  healthTimeoutMs?: number;
}

const envelopeBin = fileURLToPath(new URL("../../bin/envelope.js", import.meta.url));

async function stop(pidFile: string): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8"));
  if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
    process.kill(pid, "SIGTERM");
    // the new process may need the port: wait for the old one to let go of it
    for (let waited = 0; alive(pid) && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    if (alive(pid)) process.kill(pid, "SIGKILL");
  }
  rmSync(pidFile, { force: true });
}

/**
 * The runner `envelope reconcile` uses on one machine: each service is an `envelope serve MODEL`
 * process of its own, detached so that it outlives the reconcile (run by cron), on the rule's port
 * (or any free one), logging to `<dir>/<service>.log`, its URL in `<dir>/<service>.url`. A
 * restart stops the old process first; `deploy` resolves once the new one serves, and rejects
 * with its log when it does not. `check` finds a service dead (no pid file, its process gone) or
 * unhealthy (its `/healthz` not answering 200 for its model in time).
 */
export function processRunner(options: ProcessRunnerOptions): ServiceRunner {
  const files = (service: string) => ({ pidFile: path.join(options.dir, `${service}.pid`), logFile: path.join(options.dir, `${service}.log`), urlFile: path.join(options.dir, `${service}.url`) });
  return {
    async check(rule) {
      const { pidFile, urlFile } = files(rule.service);
      if (!existsSync(pidFile)) return `no process: ${pidFile} is missing`;
      const pid = Number(readFileSync(pidFile, "utf8"));
      if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return `its process ${pid} is not running`;
      if (!existsSync(urlFile)) return `its URL is unknown: ${urlFile} is missing`;
      return checkServiceHealth(readFileSync(urlFile, "utf8").trim(), rule.running, options.healthTimeoutMs);
    },
    async deploy(rule, model) {
      mkdirSync(options.dir, { recursive: true });
      const { pidFile, logFile, urlFile } = files(rule.service);
      await stop(pidFile);
      rmSync(urlFile, { force: true });
      const log = openSync(logFile, "w");
      const child = spawn(process.execPath, [envelopeBin, "serve", modelLabel(model), "--port", String(rule.port ?? 0), "--service", rule.service], { detached: true, stdio: ["ignore", log, log], env: options.env });
      closeSync(log);
      child.unref();
      writeFileSync(pidFile, String(child.pid));
      const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
      let exited: number | null = null;
      child.once("exit", (code) => (exited = code ?? -1));
      while (Date.now() < deadline && exited === null) {
        const url = /^serving \S+ on (\S+)/m.exec(readFileSync(logFile, "utf8"))?.[1];
        if (url) return writeFileSync(urlFile, url);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      if (exited === null) await stop(pidFile);
      else rmSync(pidFile, { force: true });
      const tail = readFileSync(logFile, "utf8").trim().split("\n").slice(-5).join(" | ");
      throw new EnvelopeError("ENVELOPE_CONFIG", `service ${rule.service} did not start serving ${modelLabel(model)}${exited === null ? " in time" : ` (exit code ${exited})`}; see ${logFile}: ${tail}`);
    },
  };
}
