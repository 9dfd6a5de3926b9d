import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openProject } from "../../src/project/openProject.ts";
import { resolveConfig } from "../../src/config/loadConfig.ts";
import type { RunResult } from "../../src/records/RunResult.ts";
import { createExemplarSite } from "../../src/vitepress/createExemplarSite.ts";
import { FirstRun } from "../../src/vitepress/FirstRun.ts";
import { exampleFile, exampleProject, fakeRuns, fakeSetup } from "./fakeRuns.ts";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const page = (...keys: string[]) => keys.map((key) => `\`\`\`text example-output=${key}\n\`\`\`\n`).join("\n");
const result = (key: string, stdout: string): RunResult => ({ key, status: "returned", stdout, stderr: "", durationMs: 1, unhandledRejections: [], uncaughtExceptions: [], lateOutput: [] });
/** whether a promise has settled, after the tasks queued before this call ran */
const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(() => (done = true), () => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
};

async function twoExamples() {
  const project = exampleProject({ "examples/a.ts": exampleFile("a.one", "a.two") });
  roots.push(project.root);
  return openProject(resolveConfig(project.config, project.root), { pages: false });
}

describe("FirstRun", () => {
  it("resolves a wait once every key it names has a verdict, and not before", async () => {
    const first = new FirstRun((await twoExamples()).examples);
    const both = first.whenDone(["a.one", "a.two"]);
    first.onResult(result("a.one", "a.one ran\n"));
    expect(await settled(both)).toBe(false);
    first.onResult(result("a.two", "a.two ran\n"));
    expect(await settled(both)).toBe(true);
  });

  it("names the keys the waiting pages still need, for the run to take first", async () => {
    const first = new FirstRun((await twoExamples()).examples);
    expect([...first.urgent()]).toEqual([]);
    const both = first.whenDone(["a.one", "a.two", "a.typo"]);
    expect([...first.urgent()]).toEqual(["a.one", "a.two"]);
    first.onResult(result("a.one", "a.one ran\n"));
    expect([...first.urgent()]).toEqual(["a.two"]);
    first.onResult(result("a.two", "a.two ran\n"));
    await both;
    expect([...first.urgent()]).toEqual([]);
  });

  it("does not wait for a key no example has (a page's typo), and serves every page when the run ends", async () => {
    const first = new FirstRun((await twoExamples()).examples);
    expect(await settled(first.whenDone(["a.typo"]))).toBe(true);
    const waiting = first.whenDone(["a.one"]);
    first.end();
    expect(await settled(waiting)).toBe(true);
    expect(first.ended).toBe(true);
  });

  it("hands over the verdicts so far once per new result, the last told of an example winning", async () => {
    const first = new FirstRun((await twoExamples()).examples);
    expect(first.take()).toBeUndefined();
    first.onResult(result("a.one", "a.one ran\n"));
    const taken = first.take()!;
    expect([...taken.covered]).toEqual(["a.one"]);
    expect(taken.run.verdicts.map((verdict) => [verdict.status, verdict.result.stdout])).toEqual([["passed", "a.one ran\n"]]);
    expect(first.take()).toBeUndefined();
    // a result dropped by an isolation check is told again when its example runs again
    first.onResult(result("a.one", "nothing\n"));
    expect(first.take()!.run.verdicts.map((verdict) => verdict.status)).toEqual(["failed"]);
    first.end();
    first.onResult(result("a.two", "a.two ran\n"));
    expect(first.take()).toBeUndefined();
  });
});

describe("createExemplarSite's first run", () => {
  function fakeSite() {
    const project = exampleProject({ "examples/a.ts": exampleFile("a.one"), "examples/b.ts": exampleFile("b.one"), "docs/a.md": page("a.one"), "docs/b.md": page("b.one") });
    roots.push(project.root);
    const runs = fakeRuns();
    const site = createExemplarSite({ root: project.root, config: project.config, run: runs.run, runSetup: fakeSetup().runSetup });
    const at = (file: string) => path.join(project.root, file);
    const text = (file: string) => readFileSync(at(file), "utf8");
    return { site, runs, at, text };
  }

  it("serves a page as soon as the examples it shows have run, with their output, while the others still run", async () => {
    const { site, runs, at, text } = fakeSite();
    runs.told.set("a.one", "a.one ran 1\n");
    runs.hold();
    await expect(site.pageReady(at("docs/a.md"), text("docs/a.md"))).resolves.toBeUndefined();
    expect(site.splice(at("docs/a.md"), text("docs/a.md")).text).toBe("```text example-output=a.one\na.one ran 1\n```\n");
    const b = site.pageReady(at("docs/b.md"), text("docs/b.md"));
    expect(await settled(b)).toBe(false);
    expect(await settled(site.ready)).toBe(false);
    runs.release();
    await b;
    await site.ready;
    // what page a showed is what the whole run says: nothing to reload
    expect(site.changedSinceServed()).toEqual([]);
    expect(site.splice(at("docs/b.md"), text("docs/b.md")).text).toBe("```text example-output=b.one\nb.one ran 1\n```\n");
    await site.close();
  });

  it("names a page served early whose blocks the end of the run changed, once", async () => {
    const { site, runs, at, text } = fakeSite();
    runs.told.set("a.one", "a.one ran (first try)\n");
    runs.hold();
    await site.pageReady(at("docs/a.md"), text("docs/a.md"));
    expect(site.splice(at("docs/a.md"), text("docs/a.md")).text).toContain("a.one ran (first try)");
    runs.release();
    await site.ready;
    expect(site.changedSinceServed()).toEqual([at("docs/a.md")]);
    expect(site.changedSinceServed()).toEqual([]);
    expect(site.splice(at("docs/a.md"), text("docs/a.md")).text).toContain("a.one ran 1");
    await site.close();
  });
});
