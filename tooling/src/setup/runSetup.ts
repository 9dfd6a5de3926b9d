import { existsSync } from "node:fs";
import { importModule } from "../config/importModule.ts";
import { ExemplarError } from "../errors/ExemplarError.ts";

/** What a setup module's function may return. */
export interface SetupResult {
  /** environment variables handed to every example */
  env?: Record<string, string>;
  /** runs once at the end of the run, whatever happened */
  teardown?: () => unknown;
  /**
   * makes the fixtures fresh again for another run, cheaply (empty a store rather than start a
   * new one). With it, the docs site's writer's loop keeps the setup running across saves and
   * calls this before each re-run; without it, each re-run gets a setup of its own.
   */
  reset?: () => unknown;
}

export interface ActiveSetup {
  env: Record<string, string>;
  teardown: () => Promise<void>;
  /** present when the module's setup returned a `reset` */
  reset?: () => Promise<void>;
}

/**
 * Imports the setup module and runs its default (or `setup`) export once. The returned
 * `teardown` runs the module's teardown (returned function, `teardown` field or export) and is
 * safe to call whatever happened.
 */
export async function runSetup(file: string): Promise<ActiveSetup> {
  if (!existsSync(file)) {
    throw new ExemplarError("EXEMPLAR_SETUP_NOT_FOUND", `setup module not found: ${file} (from \`setup\` in the config)`);
  }
  let module: { default?: unknown; setup?: unknown; teardown?: unknown };
  try {
    module = await importModule(file);
  } catch (error) {
    throw new ExemplarError("EXEMPLAR_SETUP_FAILED", `${file}: could not load the setup module: ${(error as Error).message}`, { cause: error });
  }
  const setup = module.default ?? module.setup;
  if (setup !== undefined && typeof setup !== "function") {
    throw new ExemplarError("EXEMPLAR_SETUP_FAILED", `${file}: the default export must be a function, got ${typeof setup}`);
  }
  let returned: unknown;
  try {
    returned = typeof setup === "function" ? await setup() : undefined;
  } catch (error) {
    if (typeof module.teardown === "function") await module.teardown();
    throw new ExemplarError("EXEMPLAR_SETUP_FAILED", `${file}: setup failed: ${(error as Error).message}`, { cause: error });
  }
  const result: SetupResult = typeof returned === "function" ? { teardown: returned as () => unknown } : ((returned ?? {}) as SetupResult);
  const teardowns = [result.teardown, module.teardown].filter((fn): fn is () => unknown => typeof fn === "function");
  const active: ActiveSetup = {
    env: result.env ?? {},
    teardown: async () => {
      for (const teardown of teardowns) await teardown();
    },
  };
  const reset = result.reset;
  if (typeof reset === "function") active.reset = async () => void (await reset());
  return active;
}
