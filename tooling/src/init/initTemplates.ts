// The files `exemplar init` writes (see planInit). Each works as written: the example passes,
// and the page's blocks are filled by `exemplar splice --write`.

/** `exemplar.config.ts`: the type is imported as a type only, so the file runs without resolving the package. */
export function configTemplate(docs: string): string {
  return `import type { ExemplarConfig } from "@exemplar/tooling/config";

export default {
  // the example files: each exported function tagged @example KEY is run and checked
  examples: ["examples/**/*.ts"],
  // the Markdown whose \`example=KEY\` blocks show them
  docs: ${JSON.stringify(docs)},
} satisfies ExemplarConfig;
`;
}

export const exampleTemplate = `/**
 * The first example: \`exemplar check\` runs it and compares what it prints with @expect.
 * @example hello.world
 * @expect
 * Hello, world!
 * 2 + 3 = 5
 */
export function helloWorld(): void {
  const name = "world";
  console.log(\`Hello, \${name}!\`);
  console.log(\`2 + 3 = \${2 + 3}\`);
}
`;

/** The keyed blocks of the example: its code, then what it printed. */
export const keyedBlocks = `\`\`\`ts example=hello.world
\`\`\`

Output:

\`\`\`text example-output=hello.world
\`\`\`
`;

export const pageTemplate = `# Examples

Every code block here is an example that \`exemplar check\` runs: \`exemplar splice --write\`
fills the block with the example's code, and the output block with what it printed.

${keyedBlocks}`;

export const readmeSection = `
## Example

${keyedBlocks}`;

/** The docs site's config, with the examples spliced into its pages as it serves and builds them. */
export const vitepressConfigTemplate = `import { defineConfig } from "vitepress";
import { withExemplar } from "@exemplar/tooling/vitepress";

export default withExemplar(
  defineConfig({
    title: "Docs",
  }),
);
`;

/**
 * A workflow that gates pull requests on the examples and builds the site. It is self-contained:
 * a call of Exemplar's reusable workflow needs the slug of the repository Exemplar lives in,
 * which init cannot know, so the header points to the page that shows that call.
 */
export function workflowTemplate(vitepress: boolean, docs: string): string {
  // a VitePress site splices its pages as it builds; plain Markdown (a README) is spliced and committed
  const last = vitepress ? `
      - name: Build the docs site
        run: npx vitepress build ${docs}` : `
      - name: Check that the pages show the examples as they are
        run: npx exemplar splice --check`;
  return `# Runs every example and checks the docs' keyed blocks on each pull request and push to main.
# A failing example is annotated on its line; make "docs" a required status check to gate merges.
# For a preview of the site per pull request, published from main and commented with its URL, call
# Exemplar's reusable workflow instead (its docs: "Previews and publishing", "In another repository").
name: docs
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  docs:
    runs-on: ubuntu-latest
    # GitHub's default is 360 minutes; raise this as the docs grow
    timeout-minutes: 20
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      # the examples' result cache: an example runs again only when one of its inputs changed
      - uses: actions/cache@v4
        with:
          path: .exemplar-cache
          key: exemplar-results-\${{ runner.os }}-\${{ github.sha }}
          restore-keys: exemplar-results-\${{ runner.os }}-
      - run: npm ci
      - name: Check the examples
        run: npx exemplar check --strict --reporter github${last}
`;
}
