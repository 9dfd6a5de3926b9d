import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createExemplarSite } from "../../src/vitepress/createExemplarSite.ts";
import { describeFailures } from "../../src/vitepress/describeFailures.ts";
import { exampleFile, exampleProject, fakeRuns, fakeSetup, saveChanged } from "./fakeRuns.ts";
import { commitAll, commitDate } from "./gitFixture.ts";

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
    expect(site.splice(page, readFileSync(page, "utf8"))).toMatchObject({ text: "```text example-output=greet.env\nhello from setup\n```\n", problems: [] });
    saveChanged(example);
    expect((await site.refresh(example)).pages).toEqual([page]);
    // no reset offered: every run had fresh fixtures of its own
    expect(readFileSync(log, "utf8")).toBe("setup\nteardown\nsetup\nteardown\n");
    await site.close();
    expect(readFileSync(log, "utf8")).toBe("setup\nteardown\nsetup\nteardown\n");
  }, 60_000);

  it("keeps a setup that can reset running across refreshes, resets it before each, and tears it down on close", async () => {
    const { root, log, example } = copy(true);
    const site = createExemplarSite({ root, config: { setup: "setup.ts", jobs: 1 } });
    await site.ready;
    saveChanged(example);
    await site.refresh(example);
    saveChanged(example);
    await site.refresh(example);
    expect(readFileSync(log, "utf8")).toBe("setup\nreset\nreset\n");
    await site.close();
    expect(readFileSync(log, "utf8")).toBe("setup\nreset\nreset\nteardown\n");
  }, 60_000);
});

describe("createExemplarSite's writer's loop", () => {
  const page = (name: string) => `# ${name}\n\n\`\`\`text example-output=${name}.one\n\`\`\`\n`;
  /**
   * a site over two example files (`a.one`, `b.one`) and a page for each, with fake runs and
   * setup; with `remote`, the project is first committed to a git repository with that origin
   */
  function fakeSite(files: Record<string, string> = {}, { remote }: { remote?: string } = {}) {
    const project = exampleProject({
      "examples/a.ts": exampleFile("a.one"), "examples/b.ts": exampleFile("b.one"), "docs/a.md": page("a"), "docs/b.md": page("b"), ...files,
    });
    roots.push(project.root);
    const commit = remote ? commitAll(project.root, remote) : undefined;
    const runs = fakeRuns();
    const setup = fakeSetup();
    const site = createExemplarSite({ root: project.root, config: project.config, run: runs.run, runSetup: setup.runSetup });
    const at = (file: string) => path.join(project.root, file);
    const show = (file: string) => site.splice(at(file), readFileSync(at(file), "utf8"));
    return { site, runs, setup, at, show, commit };
  }
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it("queues a save made during a re-run, and runs the saves made meanwhile once, together, right after it", async () => {
    const { site, runs, setup, at } = fakeSite({ "examples/c.ts": exampleFile("c.one") });
    await site.ready;
    runs.hold();
    saveChanged(at("examples/a.ts"));
    const first = site.refresh(at("examples/a.ts"));
    await vi.waitFor(() => expect(runs.log).toContain("run examples/a.ts"));
    saveChanged(at("examples/b.ts"));
    saveChanged(at("examples/c.ts"));
    const saves = [site.refresh(at("examples/b.ts")), site.refresh(at("examples/c.ts")), site.refresh(at("examples/b.ts"))];
    await sleep(50);
    // nothing runs beside the running re-run, nor resets the setup under it
    expect(runs.log).toEqual(["run *", "done *", "run examples/a.ts"]);
    runs.release();
    const [b, c, bAgain] = await Promise.all(saves);
    expect((await first).files).toEqual([at("examples/a.ts")]);
    expect(runs.log).toEqual(["run *", "done *", "run examples/a.ts", "done examples/a.ts", "run examples/b.ts,examples/c.ts", "done examples/b.ts,examples/c.ts"]);
    expect(c).toBe(b);
    expect(bAgain).toBe(b);
    expect(b).toMatchObject({ files: [at("examples/b.ts"), at("examples/c.ts")], ran: true });
    expect(b.waitedMs).toBeGreaterThanOrEqual(40);
    expect(setup.log).toEqual(["setup", "reset", "reset"]);
    await site.close();
  });

  it("shows a save that breaks a file in that file's blocks, keeps the other pages, and recovers on the next good save", async () => {
    const { site, at, show } = fakeSite();
    await site.ready;
    show("docs/a.md");
    show("docs/b.md");
    writeFileSync(at("examples/a.ts"), `${exampleFile("a.one")}export function (\n`);
    expect((await site.refresh(at("examples/a.ts"))).pages).toEqual([at("docs/a.md")]);
    expect(show("docs/a.md").problems).toEqual([{
      file: "docs/a.md", line: 3,
      message: expect.stringMatching(/^`example-output=a\.one`: examples\/a\.ts has problems, so its examples did not run again: examples\/a\.ts:8:17: syntax error: Identifier expected\./),
    }]);
    // its block is not verified, though its example's last verdict (before the save) passed
    expect(show("docs/a.md").fences["example-output=a.one"]).toMatchObject({ status: "failed", problem: expect.stringContaining("has problems") });
    expect(show("docs/b.md").fences["example-output=b.one"]?.status).toBe("verified");
    expect(describeFailures(site)).toMatch(/^examples\/a\.ts:8:17: syntax error/);
    expect(show("docs/b.md")).toMatchObject({ text: "# b\n\n```text example-output=b.one\nb.one ran 1\n```\n", problems: [] });

    writeFileSync(at("examples/a.ts"), exampleFile("a.one").replace('console.log("a.one ran")', 'console.log("a.one ran", "again")'));
    expect((await site.refresh(at("examples/a.ts"))).pages).toEqual([at("docs/a.md")]);
    expect(show("docs/a.md")).toMatchObject({ text: "# a\n\n```text example-output=a.one\na.one ran 2\n```\n", problems: [], fences: { "example-output=a.one": { status: "verified" } } });
    // the examples of the file that did not change kept their verdicts through the bad save
    expect(show("docs/b.md")).toMatchObject({ text: "# b\n\n```text example-output=b.one\nb.one ran 1\n```\n", problems: [] });
    expect(describeFailures(site)).toBeUndefined();
    await site.close();
  });

  it("marks each verdict with the commit its run ran at: a re-run after a save says local changes, the examples it did not re-run keep theirs", async () => {
    const { site, at, show, commit } = fakeSite({}, { remote: "https://github.com/org/repo.git" });
    await site.ready;
    const atCommit = { commit, date: commitDate, localChanges: false };
    expect(show("docs/a.md").fences["example-output=a.one"]).toEqual({
      kind: "output", key: "a.one", status: "verified", revision: atCommit,
      source: { place: "examples/a.ts:5", url: `https://github.com/org/repo/blob/${commit}/examples/a.ts#L5` },
    });
    writeFileSync(at("examples/a.ts"), `// edited\n${exampleFile("a.one")}`);
    await site.refresh(at("examples/a.ts"));
    expect(show("docs/a.md").fences["example-output=a.one"]).toMatchObject({ revision: { ...atCommit, localChanges: true }, source: { place: "examples/a.ts:6" } });
    expect(show("docs/b.md").fences["example-output=b.one"]?.revision).toEqual(atCommit);
    await site.close();
  });

  it("re-runs only the examples a save changed, keeps the others' verdicts, and runs nothing for a second write of the same text", async () => {
    const two = `${exampleFile("a.one")}\n${exampleFile("a.two")}`;
    const { site, runs, at, show } = fakeSite({ "examples/a.ts": two, "docs/a.md": `${page("a")}\n\`\`\`text example-output=a.two\n\`\`\`\n` });
    await site.ready;
    show("docs/a.md");
    writeFileSync(at("examples/a.ts"), two.replace('console.log("a.two ran")', 'console.log("a.two ran", 2)'));
    expect(await site.refresh(at("examples/a.ts"))).toMatchObject({ ran: true, examples: ["a.two"], pages: [at("docs/a.md")] });
    expect(show("docs/a.md").text).toBe("# a\n\n```text example-output=a.one\na.one ran 1\n```\n\n```text example-output=a.two\na.two ran 2\n```\n");
    // the watcher's second event for one write, or an editor writing the file twice
    expect(await site.refresh(at("examples/a.ts"))).toMatchObject({ ran: false, examples: [], pages: [] });
    // a file that breaks, then is fixed back to the text that last ran: nothing changed since
    writeFileSync(at("examples/a.ts"), `${two}export function (\n`);
    await site.refresh(at("examples/a.ts"));
    writeFileSync(at("examples/a.ts"), two.replace('console.log("a.two ran")', 'console.log("a.two ran", 2)'));
    expect(await site.refresh(at("examples/a.ts"))).toMatchObject({ ran: true, examples: [] });
    expect(show("docs/a.md").fences["example-output=a.one"]?.status).toBe("verified");
    expect(runs.log).toEqual(["run *", "done *", "run examples/a.ts", "done examples/a.ts"]);
    await site.close();
  });

  it("runs every example on the first good save after a start with problems", async () => {
    const { site, runs, at, show } = fakeSite({ "examples/a.ts": "export function (\n" });
    await site.ready;
    expect(show("docs/b.md").problems[0]?.message).toMatch(/^`example-output=b\.one`: the example files have problems, so this example did not run: examples\/a\.ts:1:17: /);
    writeFileSync(at("examples/a.ts"), exampleFile("a.one"));
    await site.refresh(at("examples/a.ts"));
    expect(runs.log).toEqual(["run *", "done *"]);
    expect(show("docs/b.md").text).toContain("b.one ran 1");
    await site.close();
  });

  it("names a file written again while its re-run ran, so that the rest of a write read half done is not lost", async () => {
    const { site, runs, at, show } = fakeSite();
    await site.ready;
    // an editor writes in two steps: the watcher may report only the first
    saveChanged(at("examples/a.ts"));
    runs.hold();
    const truncated = site.refresh(at("examples/a.ts"));
    await vi.waitFor(() => expect(runs.log).toContain("run examples/a.ts"));
    writeFileSync(at("examples/a.ts"), `${exampleFile("a.one")}// the rest of the write\n`);
    runs.release();
    expect(await truncated).toMatchObject({ ran: true, stale: [at("examples/a.ts")] });
    const whole = await site.refresh(at("examples/a.ts"));
    expect(whole).toMatchObject({ ran: true, examples: ["a.one"], stale: [] });
    expect(show("docs/a.md").text).toContain("a.one ran");
    await site.close();
  });

  it("tears the setup down on close without waiting for the first run, and runs no save after it", async () => {
    const { site, runs, setup, at } = fakeSite();
    runs.hold();
    await vi.waitFor(() => expect(runs.log).toEqual(["run *"]));
    const save = site.refresh(at("examples/a.ts"));
    await site.close();
    expect(setup.log).toEqual(["setup", "teardown"]);
    runs.release();
    await site.ready;
    expect(await save).toMatchObject({ ran: false, pages: [] });
    expect(runs.log).toEqual(["run *", "done *"]);
    expect(setup.log).toEqual(["setup", "teardown"]);
  });
});

describe("createExemplarSite's example globs", () => {
  it("a glob with a leading ! leaves files out of the watched examples, and is no folder to watch", async () => {
    const { root } = copy(false);
    writeFileSync(path.join(root, "examples/other.ts"), "export {};\n");
    const site = createExemplarSite({ root, config: { examples: ["examples/*.ts", "!examples/greet.ts"], jobs: 1 } });
    expect(site.exampleFolders()).toEqual([path.join(root, "examples")]);
    expect(await site.matchesExamples(path.join(root, "examples/greet.ts"))).toBe(false);
    expect(await site.matchesExamples(path.join(root, "examples/other.ts"))).toBe(true);
    await site.close();
  });
});
