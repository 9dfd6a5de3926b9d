import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, test } from "vitest";
import { loadConfig, resolveConfig } from "../../src/config/loadConfig.ts";
import type { ExemplarConfig } from "../../src/config/defineConfig.ts";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe("loadConfig", () => {
  it("reads exemplar.config.ts from the folder, resolving paths against it", async () => {
    const root = fixture("valid");
    expect(await loadConfig(root)).toEqual({
      root,
      configFile: path.join(root, "exemplar.config.ts"),
      examples: ["src/**/*.example.ts"],
      docs: path.join(root, "site"),
      timeout: 1234,
      jobs: 3,
      setup: path.join(root, "test", "setup.ts"),
      repository: "https://example.com/org/repo/blob/main",
    });
  });

  it("takes a config path relative to the working directory, whose folder becomes the root", async () => {
    const config = await loadConfig(fixture("."), "valid/exemplar.config.ts");
    expect(config.root).toBe(fixture("valid"));
  });

  it("falls back to the defaults without a config file", async () => {
    const root = tmpdir();
    expect(await loadConfig(root)).toEqual({
      root, examples: ["examples/**/*.ts"], docs: path.join(root, "docs"), timeout: 5000, jobs: availableParallelism(),
    });
  });

  it("fails with EXEMPLAR_CONFIG_NOT_FOUND when the named config file is missing", async () => {
    await expect(loadConfig(fixture("valid"), "other.config.ts")).rejects.toMatchObject({
      code: "EXEMPLAR_CONFIG_NOT_FOUND",
      message: `config file not found: ${path.join(fixture("valid"), "other.config.ts")}`,
    });
  });

  it("fails with EXEMPLAR_CONFIG_INVALID, listing every bad field", async () => {
    const file = path.join(fixture("invalid"), "exemplar.config.ts");
    await expect(loadConfig(fixture("invalid"))).rejects.toMatchObject({
      code: "EXEMPLAR_CONFIG_INVALID",
      message: `${file}: invalid config:\n` +
        "  - `examples` must be a list of globs, got \"examples/*.ts\"\n" +
        "  - `timeout` must be a positive number of milliseconds, got -1\n" +
        "  - `jobs` must be a positive whole number, got 1.5",
      shortMessage: `${file}: invalid config:`,
    });
  });

  it("fails with EXEMPLAR_CONFIG_INVALID when the config throws, keeping the cause", async () => {
    const loading = loadConfig(fixture("throws"));
    await expect(loading).rejects.toMatchObject({ code: "EXEMPLAR_CONFIG_INVALID", message: expect.stringMatching(/could not load the config: config exploded$/) });
    await expect(loading).rejects.toHaveProperty("cause.message", "config exploded");
  });
});

describe("resolveConfig", () => {
  test.each<[string, ExemplarConfig, RegExp]>([
    // an empty glob
    ["empty glob", { examples: [""] }, /`examples` must be a list of globs, got \[""\]/],
    // zero workers
    ["zero jobs", { jobs: 0 }, /`jobs` must be a positive whole number, got 0/],
    // a timeout in seconds as a string
    ["string timeout", { timeout: "5s" as unknown as number }, /`timeout` must be a positive number of milliseconds, got "5s"/],
    // a docs folder that is not a path
    ["docs not a string", { docs: 1 as unknown as string }, /`docs` must be a folder path, got 1/],
    // a setup that is not a path
    ["setup not a string", { setup: true as unknown as string }, /`setup` must be a module path, got true/],
  ])("rejects %s", (_name, config, message) => {
    expect(() => resolveConfig(config, "/project")).toThrow(message);
  });
});
