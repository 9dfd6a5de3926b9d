import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { createServer, type PluginOption } from "vite";
import { createMarkdownRenderer, disposeMdItInstance } from "vitepress";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createExemplarSite } from "../../src/vitepress/createExemplarSite.ts";
import { embedFenceStates } from "../../src/vitepress/embedFenceStates.ts";
import type { FenceState } from "../../src/vitepress/FenceState.ts";
import { withExemplar } from "../../src/vitepress/withExemplar.ts";
import { exampleFile, exampleProject, fakeRuns, fakeSetup } from "./fakeRuns.ts";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

it("starts the setup once per dev server, not once per evaluation of the config", async () => {
  const { root, config } = exampleProject({ "examples/a.ts": exampleFile("a.one") });
  roots.push(root);
  const runs = fakeRuns();
  const setup = fakeSetup();
  const options = { root, config, run: runs.run, runSetup: setup.runSetup };
  // `vitepress dev` evaluates the config for its server; when the config or a module it imports
  // changes, it evaluates it once to check it, drops that, and once more for the new server
  const plugins = (evaluated: { vite?: { plugins?: PluginOption[] } }) => evaluated.vite?.plugins ?? [];
  const first = withExemplar({}, options);
  const checked = withExemplar({}, options);
  const restarted = withExemplar({}, options);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(setup.log).toEqual([]);

  const server = await createServer({ root, configFile: false, logLevel: "silent", server: { watch: null }, plugins: plugins(first) });
  // the dev server does not wait for the first run to listen, but it starts it
  await server.pluginContainer.buildStart({});
  await vi.waitFor(() => expect(setup.log).toEqual(["setup"]));
  await server.close();
  const again = await createServer({ root, configFile: false, logLevel: "silent", server: { watch: null }, plugins: plugins(restarted) });
  await again.pluginContainer.buildStart({});
  await vi.waitFor(() => expect(setup.log).toEqual(["setup", "teardown", "setup"]));
  await again.close();
  expect(setup.log).toEqual(["setup", "teardown", "setup", "teardown"]);
  expect(plugins(checked)).toHaveLength(1);
  expect(runs.log).toEqual(["run *", "done *", "run *", "done *"]);
});

describe("pages rendered with withExemplar's markdown rules", () => {
  const render = async (root: string, src: string, file: string) => {
    // VitePress keeps one renderer per process: a fresh one reads this config's rules
    disposeMdItInstance();
    const md = await createMarkdownRenderer(path.join(root, "docs"), withExemplar({ markdown: {} }, { root }).markdown);
    return md.render(src, { path: file });
  };

  it("shows the marks a spliced page carries, and none on a page rendered from its file, as VitePress renders a page when it is saved", async () => {
    const { root, config } = exampleProject({ "examples/a.ts": exampleFile("a.one"), "docs/a.md": "```ts example=a.one\n```\n\n```text example-output=a.one\n```\n" });
    roots.push(root);
    const site = createExemplarSite({ root, config, run: fakeRuns().run, runSetup: fakeSetup().runSetup });
    await site.ready;
    const file = path.join(root, "docs/a.md");
    const page = site.splice(file, readFileSync(file, "utf8"));
    const html = await render(root, embedFenceStates(page.text, page.fences), file);
    expect(html.match(/<div class="exemplar-verified" data-example="a.one">/g)).toHaveLength(2);
    expect(html).toContain("a.one ran 1");
    expect(html).not.toContain("exemplar-fences");
    const unspliced = await render(root, readFileSync(file, "utf8"), file);
    expect(unspliced).not.toContain("exemplar");
    await site.close();
  });

  it("explains a failure once per page, under the example's first block", async () => {
    const { root } = exampleProject({});
    roots.push(root);
    const failed = (kind: FenceState["kind"]): FenceState => ({ kind, key: "a.one", status: "failed", failures: [{ message: "stdout does not match @expect", diff: "-expected line\n+actual line" }] });
    const src = embedFenceStates("```ts example=a.one\n```\n\n```text example-output=a.one\n```\n", { "example=a.one": failed("code"), "example-output=a.one": failed("output") });
    const html = await render(root, src, path.join(root, "docs/a.md"));
    expect(html.match(/class="exemplar-error /g)).toHaveLength(2);
    expect(html.match(/-expected line/g)).toHaveLength(1);
    expect(html.indexOf('id="exemplar-failure-a.one"')).toBeLessThan(html.indexOf('href="#exemplar-failure-a.one"'));
  });
});
