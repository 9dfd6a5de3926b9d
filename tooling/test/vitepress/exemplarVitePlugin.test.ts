import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build, createLogger, createServer, type Plugin } from "vite";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createExemplarSite } from "../../src/vitepress/createExemplarSite.ts";
import { exemplarVitePlugin } from "../../src/vitepress/exemplarVitePlugin.ts";
import { exampleFile, exampleProject, fakeRuns, fakeSetup, saveChanged } from "./fakeRuns.ts";
import { freePort } from "./siteFixture.ts";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** a site over one example file, with fake runs and setup, and the lines Vite logs */
function fakeSite(files: Record<string, string> = {}) {
  const project = exampleProject({ "examples/a.ts": exampleFile("a.one"), "docs/a.md": "```text example-output=a.one\n```\n", "entry.js": "export default 1;\n", ...files });
  roots.push(project.root);
  const runs = fakeRuns();
  const setup = fakeSetup();
  const site = createExemplarSite({ root: project.root, config: project.config, run: runs.run, runSetup: setup.runSetup });
  const logged: string[] = [];
  const logger = createLogger("info");
  logger.info = (message) => void logged.push(message);
  logger.warn = (message) => void logged.push(message);
  logger.error = (message) => void logged.push(message);
  return { root: project.root, site, runs, setup, logger, logged };
}

/** an example file whose shown snippet uses a name only a hidden line declares */
const hiddenName = `/**\n * @example a.hidden\n * @expectContains ran\n */\nexport function hidden() {\n  const word = "ran"; // hide\n  console.log(word);\n}\n`;
const hiddenWarning = "examples/h.ts:7:15: the shown snippet of `a.hidden` uses `word`, which only a hidden line declares (line 6); show its declaration or pass it in";

describe("exemplarVitePlugin in a Vite dev server", () => {
  it("warns of a shown snippet that does not stand alone after the first run, and after each re-run of its file", async () => {
    const { root, site, logger, logged } = fakeSite({ "examples/h.ts": hiddenName });
    const server = await createServer({ root, configFile: false, customLogger: logger, server: { watch: null }, plugins: [exemplarVitePlugin(() => site)] });
    const warning = `exemplar: 1 shown snippet does not stand alone (\`exemplar check --strict\` fails on them):\n${hiddenWarning}`;
    await vi.waitFor(() => expect(logged).toEqual([warning]));
    saveChanged(path.join(root, "examples/a.ts"));
    server.watcher.emit("change", path.join(root, "examples/a.ts"));
    await vi.waitFor(() => expect(logged).toHaveLength(2));
    saveChanged(path.join(root, "examples/h.ts"));
    server.watcher.emit("change", path.join(root, "examples/h.ts"));
    await vi.waitFor(() => expect(logged).toHaveLength(4));
    expect(logged.slice(1).map((line) => line.replace(/\d+ ms/, "N ms"))).toEqual([
      "exemplar: re-ran a.one of examples/a.ts in N ms, 0 pages updated",
      "exemplar: re-ran a.hidden of examples/h.ts in N ms, 0 pages updated",
      warning,
    ]);
    await server.close();
  });

  it("watches the example files from the start, so that a save during the first run is re-run after it", async () => {
    const { root, site, runs, logger, logged } = fakeSite();
    runs.hold();
    const added: string[] = [];
    // sees what the exemplar plugin (configured after it) asks the watcher to watch
    const spy: Plugin = {
      name: "spy",
      configureServer(server) {
        const add = server.watcher.add.bind(server.watcher);
        server.watcher.add = (paths) => (added.push(...[paths].flat()), add(paths));
      },
    };
    const server = await createServer({ root, configFile: false, customLogger: logger, server: { watch: null }, plugins: [spy, exemplarVitePlugin(() => site)] });
    await vi.waitFor(() => expect(added).toEqual([path.join(root, "examples/a.ts"), path.join(root, "examples")]));
    expect(runs.log).toEqual(["run *"]);
    saveChanged(path.join(root, "examples/a.ts"));
    server.watcher.emit("change", path.join(root, "examples/a.ts"));
    await new Promise((resolve) => setTimeout(resolve, 30));
    runs.release();
    await vi.waitFor(() => expect(logged).toContainEqual(expect.stringMatching(/^exemplar: re-ran a\.one of examples\/a\.ts in \d+ ms \(after waiting \d+ ms for the run before\), 0 pages updated$/)));
    expect(runs.log).toEqual(["run *", "done *", "run examples/a.ts", "done examples/a.ts"]);
    await server.close();
  });

  it("listens before the first run ends, and serves a page once the examples it shows have run", async () => {
    const { root, site, runs, logger } = fakeSite({ "examples/b.ts": exampleFile("b.one"), "docs/b.md": "```text example-output=b.one\n```\n" });
    runs.told.set("a.one", "a.one ran 1\n");
    runs.hold();
    const plugin = exemplarVitePlugin(() => site);
    const server = await createServer({ root, configFile: false, customLogger: logger, server: { watch: null, host: "127.0.0.1", port: await freePort(), strictPort: true }, plugins: [plugin] });
    await server.listen();
    const transform = (file: string) => (plugin.transform as (code: string, id: string) => Promise<{ code: string } | undefined>)("```text example-output=" + file + ".one\n```\n", path.join(root, "docs", `${file}.md`));
    const a = await transform("a");
    expect(a?.code).toContain("a.one ran 1");
    let bServed = false;
    const b = transform("b").then((page) => ((bServed = true), page));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(bServed).toBe(false);
    runs.release();
    expect((await b)?.code).toContain("b.one ran 1");
    await server.close();
  });

  it("runs a file written again during its re-run once more, though the watcher did not report it", async () => {
    const { root, site, runs, logger, logged } = fakeSite();
    const server = await createServer({ root, configFile: false, customLogger: logger, server: { watch: null }, plugins: [exemplarVitePlugin(() => site)] });
    await site.ready;
    const file = path.join(root, "examples/a.ts");
    saveChanged(file);
    runs.hold();
    server.watcher.emit("change", file);
    await vi.waitFor(() => expect(runs.log).toContain("run examples/a.ts"));
    writeFileSync(file, `${exampleFile("a.one")}// the rest of the write\n`);
    runs.release();
    await vi.waitFor(() => expect(logged.filter((line) => line.startsWith("exemplar: re-ran a.one of examples/a.ts"))).toHaveLength(2));
    expect(site.splice(path.join(root, "docs/a.md"), "```text example-output=a.one\n```\n").text).toContain("a.one ran 3");
    await server.close();
  });

  it("runs an example file created while it serves, and ignores new files the globs do not match", async () => {
    const { root, site, runs, logger, logged } = fakeSite({ "docs/b.md": "```text example-output=b.one\n```\n" });
    const server = await createServer({ root, configFile: false, customLogger: logger, server: { watch: null }, plugins: [exemplarVitePlugin(() => site)] });
    await site.ready;
    // the writer's page, open before the example exists: its block names an unknown key
    const page = path.join(root, "docs", "b.md");
    expect(site.splice(page, "```text example-output=b.one\n```\n").problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/^unknown example key in `example-output=b\.one`/)]);
    writeFileSync(path.join(root, "examples", "types.d.ts"), "export type T = 1;\n");
    server.watcher.emit("add", path.join(root, "examples", "types.d.ts"));
    writeFileSync(path.join(root, "examples", "b.ts"), exampleFile("b.one"));
    server.watcher.emit("add", path.join(root, "examples", "b.ts"));
    await vi.waitFor(() => expect(logged).toContainEqual(expect.stringMatching(/^exemplar: re-ran b\.one of examples\/b\.ts in \d+ ms, 1 page updated$/)));
    expect(runs.log).toEqual(["run *", "done *", "run examples/b.ts", "done examples/b.ts"]);
    expect(site.splice(page, "```text example-output=b.one\n```\n").text).toBe("```text example-output=b.one\nb.one ran 2\n```\n");
    await server.close();
  });

  it("tears the setup down before server.close() resolves, and stops listening for Ctrl-C", async () => {
    const { root, site, setup, logger } = fakeSite();
    const listeners = process.listenerCount("SIGINT");
    const server = await createServer({ root, configFile: false, customLogger: logger, server: { watch: null, host: "127.0.0.1", port: await freePort(), strictPort: true }, plugins: [exemplarVitePlugin(() => site)] });
    await server.listen();
    await site.ready;
    await server.close();
    expect(setup.log).toEqual(["setup", "teardown"]);
    expect(process.listenerCount("SIGINT")).toBe(listeners);
  });
});

describe("exemplarVitePlugin in a Vite build", () => {
  const buildWith = (root: string, plugin: Plugin) =>
    build({ root, configFile: false, logLevel: "silent", build: { write: false, rollupOptions: { input: path.join(root, "entry.js") } }, plugins: [plugin] });

  it("tears the setup down at the end of the build", async () => {
    const { root, site, setup } = fakeSite();
    await buildWith(root, exemplarVitePlugin(() => site));
    expect(setup.log).toEqual(["setup", "teardown"]);
  });

  it("warns of a shown snippet that does not stand alone, and builds", async () => {
    const { root, site } = fakeSite({ "examples/h.ts": hiddenName });
    const warnings: string[] = [];
    const plugin = exemplarVitePlugin(() => site);
    await build({
      root, configFile: false, logLevel: "silent", plugins: [plugin],
      build: { write: false, rollupOptions: { input: path.join(root, "entry.js"), onwarn: (warning) => void (warning.plugin === "exemplar" && warnings.push(warning.message)) } },
    });
    expect(warnings).toEqual([expect.stringContaining(`1 shown snippet does not stand alone (\`exemplar check --strict\` fails on them):\n${hiddenWarning}`)]);
  });

  it("fails a build whose examples have problems, and tears the setup down all the same", async () => {
    const { root, site, setup } = fakeSite({ "examples/b.ts": "export function (\n" });
    await expect(buildWith(root, exemplarVitePlugin(() => site))).rejects.toThrow(/exemplar: the docs cannot be built while examples fail:\nexamples\/b\.ts:1:17: syntax error/);
    expect(setup.log).toEqual(["setup", "teardown"]);
  });
});
