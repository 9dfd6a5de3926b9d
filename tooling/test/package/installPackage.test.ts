// End to end, as a team outside this repository adopts Exemplar: `npm pack` in tooling/, then in
// new projects in a temporary folder (an ES module package and a CommonJS one) the tarball and
// VitePress installed from the npm registry, `exemplar init`, check, splice and a VitePress build
// that imports withExemplar by package name. Slow (two installs per project from the registry),
// and needs the registry: without it the installs fail, saying why.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projects } from "./projects.ts";
import { run, succeeded, textOf } from "./run.ts";

const minute = 60_000;
const tooling = fileURLToPath(new URL("../../", import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), "exemplar-package-"));
const tarball = path.join(work, "exemplar-tooling.tgz");
const npmInstall = ["install", "--no-audit", "--no-fund", "--prefer-offline"];

interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  files: Array<{ path: string }>;
}
let packed: Packed;

beforeAll(async () => {
  const ran = succeeded(await run(tooling, "npm", ["pack", "--json", "--pack-destination", work], 10 * minute), "npm pack");
  [packed] = JSON.parse(ran.stdout.slice(ran.stdout.indexOf("["))) as [Packed];
  copyFileSync(path.join(work, packed.filename), tarball);
}, 10 * minute);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the tarball npm pack makes", () => {
  it("holds the built JavaScript, its .d.ts files and the workers' loader, and no sources, tests or maps", () => {
    const files = packed.files.map((file) => file.path);
    expect(files.filter((file) => !/^(bin|dist)\//.test(file)).sort()).toEqual(["README.md", "package.json"]);
    expect(files.filter((file) => /(^|\/)(src|test|scripts|bench)\/|\.map$|\.stamp$|\.ts$/.test(file) && !file.endsWith(".d.ts"))).toEqual([]);
    for (const file of ["bin/exemplar.js", "dist/cli.js", "dist/worker.js", "dist/index.js", "dist/config.js", "dist/vitepress.js", "dist/loader/register.mjs", "dist/loader/hooks.mjs", "dist/loader/commonjsGlobals.mjs", "dist/types/index.d.ts", "dist/types/config/defineConfig.d.ts", "dist/types/vitepress/index.d.ts"]) {
      expect(files).toContain(file);
    }
    // measured for BENCHMARKS.md; a bound that catches the sources or the maps coming back
    expect(packed.size).toBeLessThan(400_000);
  });

  it("exports JavaScript and types that are in it, and imports only its dependencies and optional peers", () => {
    const manifest = JSON.parse(readFileSync(path.join(tooling, "package.json"), "utf8")) as {
      exports: Record<string, string | Record<string, string>>;
      dependencies: Record<string, string>;
      peerDependenciesMeta: Record<string, { optional: boolean }>;
    };
    const files = new Set(packed.files.map((file) => file.path));
    for (const target of Object.values(manifest.exports).flatMap((entry) => (typeof entry === "string" ? [entry] : Object.values(entry)))) {
      expect(files, target).toContain(target.slice(2));
    }
    const allowed = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependenciesMeta)]);
    const imported = new Set<string>();
    for (const file of [...files].filter((name) => /\.m?js$/.test(name) && name.startsWith("dist/"))) {
      const text = readFileSync(path.join(tooling, file), "utf8");
      for (const [, a, b] of text.matchAll(/(?:^|\n)(?:import|export)\s[^;]*?from\s*"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)/g)) imported.add((a ?? b)!);
    }
    const packages = [...imported].filter((specifier) => !specifier.startsWith(".") && !specifier.startsWith("node:") && !builtinModules.includes(specifier));
    // itself: the templates `exemplar init` writes import it
    allowed.add("@exemplar/tooling");
    expect(packages.map((specifier) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/")).filter((name) => !allowed.has(name))).toEqual([]);
  });
});

describe.each(projects)("a $kind project", (project) => {
  const root = path.join(work, `${project.kind}-project`);
  const write = (files: Record<string, string>) => {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
  };
  const read = (file: string) => readFileSync(path.join(root, file), "utf8");
  const exemplar = (...args: string[]) => run(root, "npx", ["--no", "--", "exemplar", ...args], 5 * minute);

  beforeAll(async () => {
    write(project.files);
    const args = project.install === "npm install -D" ? [...npmInstall, "-D", tarball] : npmInstall;
    succeeded(await run(root, "npm", args, 10 * minute), `npm ${args.join(" ")}`);
  }, 10 * minute);

  it(`installs by ${project.install} for checking and splicing only, without the AWS SDK`, async () => {
    expect(JSON.parse(read("package.json")).devDependencies["@exemplar/tooling"]).toMatch(/^file:/);
    expect(existsSync(path.join(root, "node_modules", "@aws-sdk"))).toBe(false);
    const size = Number((await run(root, "du", ["-sk", "node_modules"], minute)).stdout.split("\t")[0]);
    // measured for BENCHMARKS.md: the compiler and esbuild, and little else
    expect(size).toBeGreaterThan(0);
    expect(size).toBeLessThan(60 * 1024);
    const publish = await exemplar("publish", "--dir", "docs", "--bucket", "docs", "--prefix", "pr-1");
    expect(publish.code).toBe(2);
    expect(publish.stderr).toMatch(/^exemplar publish: install @aws-sdk\/client-s3 to publish: npm install -D @aws-sdk\/client-s3 /m);
  }, 5 * minute);

  it("checks the example and splices the page with its code and output, without VitePress", async () => {
    const check = await exemplar("check");
    expect(check, check.stderr).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Examples: 1 passed, 0 failed$/m) });
    expect(await exemplar("splice", "--write")).toMatchObject({ code: 0, stdout: expect.stringMatching(/^1 page updated$/m) });
    expect(read("docs/greet.md")).toBe(project.splicedPage);
    expect(await exemplar("splice", "--check")).toMatchObject({ code: 0, stdout: expect.stringMatching(/^1 page up to date$/m) });
  }, 5 * minute);

  it("sets up the rest with exemplar init once VitePress is installed, leaving the team's files alone", async () => {
    succeeded(await run(root, "npm", [...npmInstall, "-D", "vitepress@1.6.4"], 10 * minute), "npm install vitepress@1.6.4");
    write(project.beforeInit);
    const before = Object.keys({ ...project.files, ...project.beforeInit }).filter((file) => file !== "package.json");
    const texts = before.map(read);
    const init = succeeded(await exemplar("init"), "exemplar init");
    for (const file of before.filter((name) => /^(exemplar\.config\.ts|docs\/\.vitepress\/)/.test(name))) expect(init.stdout).toMatch(new RegExp(`^skip +${file.replaceAll(".", "\\.")} `, "m"));
    expect(before.map(read)).toEqual(texts);
    expect(existsSync(path.join(root, project.vitepressConfig))).toBe(true);
    expect(read(project.vitepressConfig)).toContain('import { withExemplar } from "@exemplar/tooling/vitepress";');
  }, 15 * minute);

  it("passes every example and keeps every page spliced", async () => {
    const check = await exemplar("check", "--json-out", "check.json");
    expect(check.code, `${check.stdout}\n${check.stderr}`).toBe(0);
    const report = JSON.parse(read("check.json")) as { examples: Array<{ key: string; status: string; stdout: string }> };
    expect(report.examples.map(({ key, status }) => ({ key, status })).sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: "greet.hello", status: "passed" },
      { key: "hello.world", status: "passed" },
    ]);
    expect(await exemplar("splice", "--write")).toMatchObject({ code: 0, stdout: expect.stringMatching(/^updated docs\/index\.md$/m) });
    expect(read("docs/greet.md")).toBe(project.splicedPage);
    expect(await exemplar("splice", "--check")).toMatchObject({ code: 0, stdout: expect.stringMatching(/^2 pages up to date$/m) });
  }, 5 * minute);

  it("type-checks the configs against the package's .d.ts files", async () => {
    const files = ["exemplar.config.ts", project.vitepressConfig];
    const tsc = await run(root, "npx", ["--no", "--", "tsc", "--noEmit", "--strict", "--skipLibCheck", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", ...files], 5 * minute);
    expect(tsc, tsc.stdout).toMatchObject({ code: 0 });
  }, 5 * minute);

  it("builds the VitePress site with withExemplar imported by package name, showing the example's code and output", async () => {
    succeeded(await run(root, "npx", ["--no", "--", "vitepress", "build", "docs"], 10 * minute), "vitepress build docs");
    const page = textOf(read("docs/.vitepress/dist/greet.html"));
    for (const line of project.shown) expect(page).toContain(line);
    expect(page).toMatch(/✓ Verified/);
    expect(textOf(read("docs/.vitepress/dist/index.html"))).toContain("Hello, world!");
  }, 10 * minute);
});
