// The two projects the package is installed into: a library that is an ES module package and
// one that is CommonJS (no "type" in package.json), each with an example of its own beside the
// one `exemplar init` writes, and a page that shows it.

/** A project as a team would have it before adding Exemplar, and what Exemplar should make of it. */
export interface ProjectKind {
  kind: "module" | "commonjs";
  /** files written before anything is installed, by path */
  files: Record<string, string>;
  /** how the tarball is installed: `npm install -D <tarball>`, or a `file:` dependency in package.json and `npm install` */
  install: "npm install -D" | "file: dependency";
  /** files written before `exemplar init`, which it leaves as they are */
  beforeInit: Record<string, string>;
  /** the VitePress config, written by the team or by `exemplar init` */
  vitepressConfig: string;
  /** docs/greet.md once spliced */
  splicedPage: string;
  /** lines of code and output the built page shows */
  shown: string[];
}

const page = "# Greet\n\n```ts example=greet.hello\n```\n\n```text example-output=greet.hello\n```\n";

const withExemplarConfig = `import { defineConfig } from "vitepress";
import { withExemplar } from "@exemplar/tooling/vitepress";

export default withExemplar(defineConfig({ title: "ESM library" }));
`;

export const projects: ProjectKind[] = [
  {
    kind: "module",
    install: "npm install -D",
    files: {
      "package.json": `${JSON.stringify({ name: "esm-library", version: "1.0.0", private: true, type: "module" }, null, 2)}\n`,
      "src/greet.js": "export function greet(name) {\n  return `hello, ${name}`;\n}\n",
      "examples/greet.ts": `import { greet } from "../src/greet.js";

/**
 * Greets the world with the library's function.
 * @example greet.hello
 * @expect
 * hello, world
 */
export function hello(): void {
  const name: string = "world";
  console.log(greet(name));
}
`,
      "docs/greet.md": page,
    },
    // the team's own VitePress config, by package name, as config.ts
    beforeInit: { "docs/.vitepress/config.ts": withExemplarConfig },
    vitepressConfig: "docs/.vitepress/config.ts",
    splicedPage: `# Greet

\`\`\`ts example=greet.hello
import { greet } from "../src/greet.js";

const name: string = "world";
console.log(greet(name));
\`\`\`

\`\`\`text example-output=greet.hello
hello, world
\`\`\`
`,
    shown: ['import { greet } from "../src/greet.js";', 'const name: string = "world";', "console.log(greet(name));", "hello, world"],
  },
  {
    kind: "commonjs",
    install: "file: dependency",
    files: {
      "package.json": `${JSON.stringify({ name: "cjs-library", version: "1.0.0", private: true, devDependencies: { "@exemplar/tooling": "file:../exemplar-tooling.tgz" } }, null, 2)}\n`,
      "index.js": "module.exports = { greet: (name) => `hello, ${name}` };\n",
      // the config imports the package at run time, by name, from a CommonJS package
      "exemplar.config.ts": `import { defineConfig } from "@exemplar/tooling/config";

export default defineConfig({ examples: ["examples/**/*.ts"], docs: "docs" });
`,
      "examples/greet.ts": `import path from "node:path";

/**
 * Greets the world from a CommonJS project, with require and __dirname.
 * @example greet.hello
 * @expect
 * hello, world
 * from examples
 */
export function hello(): void {
  const { greet } = require("../index.js");
  console.log(greet("world"));
  console.log(\`from \${path.basename(__dirname)}\`);
}
`,
      "docs/greet.md": page,
    },
    beforeInit: {},
    // written by exemplar init: config.mts, as VitePress needs in a CommonJS package
    vitepressConfig: "docs/.vitepress/config.mts",
    splicedPage: `# Greet

\`\`\`ts example=greet.hello
import path from "node:path";

const { greet } = require("../index.js");
console.log(greet("world"));
console.log(\`from \${path.basename(__dirname)}\`);
\`\`\`

\`\`\`text example-output=greet.hello
hello, world
from examples
\`\`\`
`,
    shown: ['const { greet } = require("../index.js");', "console.log(`from ${path.basename(__dirname)}`);", "hello, world", "from examples"],
  },
];
