import { rmSync } from "node:fs";
import { createServer, type PluginOption } from "vite";
import { afterEach, expect, it } from "vitest";
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
  await server.pluginContainer.buildStart({});
  expect(setup.log).toEqual(["setup"]);
  await server.close();
  const again = await createServer({ root, configFile: false, logLevel: "silent", server: { watch: null }, plugins: plugins(restarted) });
  await again.pluginContainer.buildStart({});
  expect(setup.log).toEqual(["setup", "teardown", "setup"]);
  await again.close();
  expect(setup.log).toEqual(["setup", "teardown", "setup", "teardown"]);
  expect(plugins(checked)).toHaveLength(1);
  expect(runs.log).toEqual(["run *", "done *", "run *", "done *"]);
});
