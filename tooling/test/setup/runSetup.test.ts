import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import { runSetup } from "../../src/setup/runSetup.ts";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const calls = () => ((globalThis as { setupCalls?: string[] }).setupCalls ??= []);
beforeEach(() => {
  calls().length = 0;
});

describe("runSetup", () => {
  it("runs the default export and hands back its env; teardown runs the returned and exported teardowns", async () => {
    const setup = await runSetup(fixture("returns-env.ts"));
    expect(setup.env).toEqual({ A: "1" });
    expect(calls()).toEqual(["setup"]);
    await setup.teardown();
    expect(calls()).toEqual(["setup", "returned teardown", "exported teardown"]);
  });

  it("runs a `setup` export and takes a returned function as the teardown", async () => {
    const setup = await runSetup(fixture("returns-function.ts"));
    expect(setup.env).toEqual({});
    await setup.teardown();
    expect(calls()).toEqual(["named setup", "function teardown"]);
  });

  it("fails with EXEMPLAR_SETUP_FAILED when setup throws, after running the exported teardown", async () => {
    await expect(runSetup(fixture("throws.ts"))).rejects.toMatchObject({
      code: "EXEMPLAR_SETUP_FAILED",
      message: `${fixture("throws.ts")}: setup failed: database unreachable`,
    });
    expect(calls()).toEqual(["setup", "exported teardown"]);
  });

  it("fails with EXEMPLAR_SETUP_FAILED when the default export is not a function", async () => {
    await expect(runSetup(fixture("not-a-function.ts"))).rejects.toMatchObject({
      code: "EXEMPLAR_SETUP_FAILED",
      message: `${fixture("not-a-function.ts")}: the default export must be a function, got object`,
    });
  });

  it("fails with EXEMPLAR_SETUP_NOT_FOUND when the module is missing", async () => {
    await expect(runSetup(fixture("missing.ts"))).rejects.toMatchObject({
      code: "EXEMPLAR_SETUP_NOT_FOUND",
      message: `setup module not found: ${fixture("missing.ts")} (from \`setup\` in the config)`,
    });
  });
});
