import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export interface ThrowawayPostgres {
  url: string;
  stop(): void;
}

/** The PostgreSQL server binaries: `pg_config --bindir`, else the newest /usr/lib/postgresql/<n>/bin. */
export function findPostgresBin(): string | undefined {
  const has = (dir: string) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl"));
  try {
    const dir = execFileSync("pg_config", ["--bindir"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    if (has(dir)) return dir;
  } catch {
    // no pg_config: look in Debian's place
  }
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
  return versions.map((version) => path.join(root, version, "bin")).find(has);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a throwaway PostgreSQL cluster on 127.0.0.1 in a temp folder (as `nobody` when run as
 * root, since postgres refuses root), or returns why it can't: the caller skips with that reason.
 */
export async function startPostgres(): Promise<ThrowawayPostgres | { skip: string }> {
  const bin = findPostgresBin();
  if (!bin) return { skip: "PostgreSQL server binaries not found (pg_config --bindir, /usr/lib/postgresql/*/bin); install postgresql to run these tests" };
  const dir = mkdtempSync(path.join(tmpdir(), "envelope-pg-"));
  const data = path.join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot ? ["runuser", ["-u", "nobody", "--", path.join(bin, command), ...args]] : [path.join(bin, command), args];
    execFileSync(file, argv, { stdio: ["ignore", "pipe", "pipe"], cwd: dir });
  };
  try {
    if (asRoot) {
      const nobody = Number(execFileSync("id", ["-u", "nobody"], { encoding: "utf8" }).trim());
      chownSync(dir, nobody, nobody);
      chmodSync(dir, 0o700);
    }
    run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C"]);
    const port = await freePort();
    run("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-w", "-t", "30", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`, "start"]);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      stop() {
        try {
          run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const detail = (error as { stderr?: Buffer }).stderr?.toString().trim() ?? (error as Error).message;
    return { skip: `could not start a throwaway PostgreSQL with ${bin}: ${detail}` };
  }
}
