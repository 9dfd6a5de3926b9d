import type { PlannedFile, ProjectFacts } from "./ProjectFacts.ts";
import { configTemplate, exampleTemplate, pageTemplate, readmeSection, vitepressConfigTemplate, workflowTemplate } from "./initTemplates.ts";

export interface InitOptions {
  /** key the README at the root instead of writing a docs page */
  readme: boolean;
}

/** What `exemplar init` writes, and what it leaves as it is (see `planInit`). */
export interface InitPlan {
  write: PlannedFile[];
  /** files it would have written that exist already, with what to do instead */
  skipped: Array<{ path: string; reason: string }>;
  /** the commands to run next */
  next: string[];
}

/**
 * The files that set Exemplar up in a project: the config, one example, one keyed page (or a
 * keyed section at the end of the README), the VitePress config with `withExemplar` when
 * VitePress is a dependency and has no config yet, a GitHub workflow, and `.exemplar-cache/` in
 * the .gitignore. A file that exists is never planned: it is skipped, with a reason (the README
 * and the .gitignore are added to, once). Running it again plans nothing. Pure.
 */
export function planInit(facts: ProjectFacts, options: InitOptions): InitPlan {
  const plan: InitPlan = { write: [], skipped: [], next: [] };
  const docs = options.readme ? "." : "docs";
  const add = (file: PlannedFile) => {
    if (facts.existing.has(file.path)) plan.skipped.push({ path: file.path, reason: "exists; left as it is" });
    else plan.write.push(file);
  };
  add({ path: "exemplar.config.ts", text: configTemplate(docs), what: "the config: where the examples and the docs are" });
  add({ path: "examples/hello.ts", text: exampleTemplate, what: "an example, tagged @example hello.world" });
  if (!options.readme) add({ path: "docs/index.md", text: pageTemplate, what: "a page that shows the example and its output" });
  else if (!facts.readme) plan.skipped.push({ path: "README.md", reason: "not found: --readme keys an existing README" });
  else if (facts.readmeText?.includes("example=hello.world")) plan.skipped.push({ path: "README.md", reason: "already shows hello.world" });
  else plan.write.push({ path: "README.md", text: readmeSection, what: "a section that shows the example and its output", append: true });
  if (facts.vitepress && !options.readme) {
    if (facts.vitepressConfig) {
      const reason = facts.vitepressConfigHasExemplar ? "exists; left as it is" : 'exists: wrap its config in withExemplar (import { withExemplar } from "@exemplar/tooling/vitepress")';
      plan.skipped.push({ path: facts.vitepressConfig, reason });
    } else {
      add({ path: "docs/.vitepress/config.mts", text: vitepressConfigTemplate, what: "the docs site's config, splicing the examples into its pages" });
    }
  }
  add({ path: ".github/workflows/docs.yml", text: workflowTemplate(facts.vitepress && !options.readme, docs), what: "a workflow that checks the examples on every pull request" });
  // the result and parse caches are the machine's own: never committed
  if (!facts.gitignore?.split(/\r?\n/).some((line) => /^\/?\.exemplar-cache\/?$/.test(line.trim()))) {
    const separator = facts.gitignore && !facts.gitignore.endsWith("\n") ? "\n" : "";
    plan.write.push({ path: ".gitignore", text: `${separator}# Exemplar's caches (verdicts, parsed example files): safe to delete\n.exemplar-cache/\n`, what: "keeps Exemplar's caches out of git", ...(facts.gitignore !== undefined ? { append: true } : {}) });
  }
  plan.next = [
    "npx exemplar check            # run the example and check what it prints",
    "npx exemplar splice --write   # fill the page's blocks with its code and output",
    facts.vitepress && !options.readme ? "npx vitepress dev docs        # the site, re-run as you save an example" : "git add -A && git commit      # the workflow checks them on every pull request",
  ];
  return plan;
}
