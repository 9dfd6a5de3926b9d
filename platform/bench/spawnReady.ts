import { spawn, type ChildProcess } from "node:child_process";

/**
 * Starts a bench process (`node --import tsx script ...args`) and resolves with the URL it prints
 * as `READY <url>`, refusing anything but loopback; `stop` kills it.
 */
export async function spawnReady(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ url: URL; child: ChildProcess; stop: () => void }> {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { stdio: ["ignore", "pipe", "inherit"], env });
  let output = "";
  const stop = () => void child.kill("SIGKILL");
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const found = /READY (\S+)/.exec(output)?.[1];
        if (found) resolve(found);
      });
      child.once("exit", (code) => reject(new Error(`${script} exited ${code} before it was ready`)));
    });
    const parsed = new URL(url);
    if (parsed.hostname !== "127.0.0.1") throw new Error(`refusing to load ${parsed.host}: loopback only`);
    return { url: parsed, child, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
