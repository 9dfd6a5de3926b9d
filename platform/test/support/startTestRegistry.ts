import path from "node:path";
import { issueToken } from "../../src/auth/issueToken.ts";
import { startRegistry, type RegistryOptions, type RunningRegistry } from "../../src/server/startRegistry.ts";
import { tempDir } from "./tempDir.ts";

export interface TestRegistry extends RunningRegistry {
  dir: string;
  /** ada of team churn, grace of team fraud, an admin */
  tokens: { ada: string; grace: string; admin: string };
  logged: string[];
}

/** A registry on loopback with a fresh embedded store and three tokens; `close` removes everything. */
export async function startTestRegistry(options: Partial<RegistryOptions> = {}): Promise<TestRegistry> {
  const temp = tempDir("envelope-registry-");
  const logged: string[] = [];
  const registry = await startRegistry({ store: { dataDir: path.join(temp.dir, "data") }, artifactsDir: path.join(temp.dir, "artifacts"), log: (line) => logged.push(line), ...options });
  const tokens = {
    ada: await issueToken(registry.store, { user: "ada", team: "churn" }),
    grace: await issueToken(registry.store, { user: "grace", team: "fraud" }),
    admin: await issueToken(registry.store, { user: "root", team: "platform", admin: true }),
  };
  return {
    ...registry,
    dir: temp.dir,
    tokens,
    logged,
    async close() {
      await registry.close();
      temp.remove();
    },
  };
}
