/** What `exemplar init` found in a project before it writes anything (see `readProjectFacts`). */
export interface ProjectFacts {
  /** VitePress is a dependency of the project */
  vitepress: boolean;
  /** the docs site's config, when there is one (relative to the root) */
  vitepressConfig?: string;
  /** that config already imports `withExemplar` */
  vitepressConfigHasExemplar?: boolean;
  /** a README.md at the root */
  readme: boolean;
  /** what the README holds when `--readme` asks to key it */
  readmeText?: string;
  /** what the root's .gitignore holds, when there is one */
  gitignore?: string;
  /** files that already exist, relative to the root: never overwritten */
  existing: ReadonlySet<string>;
}

/** One file `exemplar init` plans: written when it does not exist yet, or appended to (`append`). */
export interface PlannedFile {
  /** relative to the root, with `/` separators */
  path: string;
  text: string;
  /** what the file is for, as the summary says it */
  what: string;
  /** added at the end of an existing file (the README), instead of created */
  append?: boolean;
}
