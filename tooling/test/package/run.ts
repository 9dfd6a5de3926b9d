import { execFile } from "node:child_process";

/** What a command did. */
export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

// what the test runner sets for itself (npm's npm_config_* when run by `npm test`, vitest's
// NODE_ENV and VITEST*, a cache folder of ours) must not steer the npm, exemplar and VitePress a
// user runs in a project of their own
const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm_|vitest|exemplar_|node_env$|node_options$)/i.test(name)));

/** Runs `command` in `cwd` as a user's shell would, and resolves with its exit code and output. */
export function run(cwd: string, command: string, args: string[], timeoutMs: number): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: { ...inherited, NO_COLOR: "1", npm_config_update_notifier: "false" }, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
      resolve({ code, stdout, stderr: error?.killed ? `${stderr}\n(killed after ${timeoutMs} ms)` : stderr });
    });
  });
}

/** Fails with the command's output when it did not exit 0, so that a broken install says why. */
export function succeeded(ran: Ran, what: string): Ran {
  if (ran.code !== 0) throw new Error(`${what} exited ${ran.code}\n--- stdout\n${ran.stdout}\n--- stderr\n${ran.stderr}`);
  return ran;
}

/** The text a reader sees in an HTML page: tags dropped, entities decoded. */
export function textOf(html: string): string {
  const entities: Record<string, string> = { "&quot;": '"', "&#39;": "'", "&lt;": "<", "&gt;": ">", "&amp;": "&" };
  return html.replace(/<[^>]*>/g, "").replace(/&(?:quot|#39|lt|gt|amp);/g, (entity) => entities[entity]!);
}
