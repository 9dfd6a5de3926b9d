import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { createExemplarSite } from "../../src/vitepress/createExemplarSite.ts";

const fixture = fileURLToPath(new URL("./fixtures/site-with-setup", import.meta.url));
const saved = { log: process.env["SETUP_LOG"], reset: process.env["SETUP_RESET"] };
const roots: string[] = [];

/** A copy of the fixture site, its setup logging to `log`, offering a reset or not. */
function copy(reset: boolean) {
  const root = mkdtempSync(path.join(tmpdir(), "exemplar-site-"));
  roots.push(root);
  cpSync(fixture, root, { recursive: true });
  const log = path.join(root, "setup.log");
  writeFileSync(log, "");
  process.env["SETUP_LOG"] = log;
  process.env["SETUP_RESET"] = reset ? "1" : "0";
  return { root, log, page: path.join(root, "docs/index.md"), example: path.join(root, "examples/greet.ts") };
}

afterEach(() => {
  for (const [name, value] of [["SETUP_LOG", saved.log], ["SETUP_RESET", saved.reset]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe("createExemplarSite with a setup module", () => {
  it("runs the examples with the setup's environment and refreshes the pages that show them", async () => {
    const { root, log, page, example } = copy(false);
    const site = createExemplarSite({ root, config: { setup: "setup.ts", jobs: 1 } });
    await site.ready;
    expect(site.splice(page, readFileSync(page, "utf8"))).toEqual({ text: "```text example-output=greet.env\nhello from setup\n```\n", problems: [] });
    expect(await site.refresh(example)).toEqual([page]);
    // no reset offered: every run had fresh fixtures of its own
    expect(readFileSync(log, "utf8")).toBe("setup\nteardown\nsetup\nteardown\n");
    await site.close();
    expect(readFileSync(log, "utf8")).toBe("setup\nteardown\nsetup\nteardown\n");
  }, 60_000);

  it("keeps a setup that can reset running across refreshes, resets it before each, and tears it down on close", async () => {
    const { root, log, example } = copy(true);
    const site = createExemplarSite({ root, config: { setup: "setup.ts", jobs: 1 } });
    await site.ready;
    await site.refresh(example);
    await site.refresh(example);
    expect(readFileSync(log, "utf8")).toBe("setup\nreset\nreset\n");
    await site.close();
    expect(readFileSync(log, "utf8")).toBe("setup\nreset\nreset\nteardown\n");
  }, 60_000);
});
