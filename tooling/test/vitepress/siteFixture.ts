import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const plugin = path.resolve(here, "../../src/vitepress/index.ts");

/**
 * A fresh copy of the fixture site inside the repository, where VitePress finds its packages;
 * its config names `repository` (none when it is `null`).
 */
export function copySite({ repository = "https://git.example/org/repo/blob/main" }: { repository?: string | null } = {}): string {
  const root = path.resolve(here, "../.tmp", `site-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(path.dirname(root), { recursive: true });
  cpSync(path.join(here, "fixtures/site"), root, { recursive: true });
  mkdirSync(path.join(root, "docs/.vitepress"), { recursive: true });
  writeFileSync(
    path.join(root, "docs/.vitepress/config.ts"),
    `import { withExemplar } from ${JSON.stringify(plugin)};
export default withExemplar(
  { title: "Fixture", themeConfig: { search: { provider: "local" } } },
  { root: ${JSON.stringify(root)}, config: { ${repository === null ? "" : `repository: ${JSON.stringify(repository)}, `}jobs: 1 } },
);
`,
  );
  return root;
}

/** A port nothing listens on: Vite reads port 0 as "the default port". */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

