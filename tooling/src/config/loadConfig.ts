import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { ExemplarError } from "../errors/ExemplarError.ts";
import type { ExemplarConfig } from "./defineConfig.ts";
import { importModule } from "./importModule.ts";

/** The configuration with every default filled in and every path absolute. */
export interface ResolvedConfig {
  /** the folder of the config file, or the working directory when there is none */
  root: string;
  /** the config file, when one was found */
  configFile?: string;
  examples: string[];
  docs: string;
  timeout: number;
  jobs: number;
  setup?: string;
  repository?: string;
}

export const configFileName = "exemplar.config.ts";

/**
 * Loads `exemplar.config.ts` from `cwd` (or the file given), validates it and fills in defaults.
 * A config file named explicitly must exist; without one the defaults apply.
 */
export async function loadConfig(cwd: string, configPath?: string): Promise<ResolvedConfig> {
  const file = configPath ? path.resolve(cwd, configPath) : path.join(cwd, configFileName);
  if (configPath && !existsSync(file)) {
    throw new ExemplarError("EXEMPLAR_CONFIG_NOT_FOUND", `config file not found: ${file}`);
  }
  let config: ExemplarConfig = {};
  if (existsSync(file)) {
    try {
      const module = (await importModule(file)) as { default?: ExemplarConfig };
      config = module.default ?? {};
    } catch (error) {
      throw new ExemplarError("EXEMPLAR_CONFIG_INVALID", `${file}: could not load the config: ${(error as Error).message}`, { cause: error });
    }
  }
  return resolveConfig(config, existsSync(file) ? path.dirname(file) : cwd, existsSync(file) ? file : undefined);
}

/** Validates a config object and fills in defaults, resolving paths against `root`. */
export function resolveConfig(config: ExemplarConfig, root: string, configFile?: string): ResolvedConfig {
  const where = configFile ?? "config";
  const problems: string[] = [];
  const check = (ok: boolean, message: string) => ok || problems.push(message);
  if (config.examples !== undefined) {
    check(Array.isArray(config.examples) && config.examples.every((glob) => typeof glob === "string" && glob !== ""),
      `\`examples\` must be a list of globs, got ${JSON.stringify(config.examples)}`);
  }
  if (config.timeout !== undefined) check(Number.isInteger(config.timeout) && config.timeout > 0, `\`timeout\` must be a positive number of milliseconds, got ${JSON.stringify(config.timeout)}`);
  if (config.jobs !== undefined) check(Number.isInteger(config.jobs) && config.jobs > 0, `\`jobs\` must be a positive whole number, got ${JSON.stringify(config.jobs)}`);
  if (config.docs !== undefined) check(typeof config.docs === "string", `\`docs\` must be a folder path, got ${JSON.stringify(config.docs)}`);
  if (config.setup !== undefined) check(typeof config.setup === "string", `\`setup\` must be a module path, got ${JSON.stringify(config.setup)}`);
  if (problems.length > 0) {
    throw new ExemplarError("EXEMPLAR_CONFIG_INVALID", `${where}: invalid config:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  }
  const resolved: ResolvedConfig = {
    root,
    examples: config.examples ?? ["examples/**/*.ts"],
    docs: path.resolve(root, config.docs ?? "docs"),
    timeout: config.timeout ?? 5000,
    jobs: config.jobs ?? availableParallelism(),
  };
  if (configFile) resolved.configFile = configFile;
  if (config.setup) resolved.setup = path.resolve(root, config.setup);
  if (config.repository) resolved.repository = config.repository;
  return resolved;
}
