/** What `exemplar.config.ts` exports (as its default export). Every field is optional. */
export interface ExemplarConfig {
  /** globs of example files, relative to the config's folder; default `["examples/**\/*.ts"]` */
  examples?: string[];
  /** the Markdown docs folder; default `"docs"` */
  docs?: string;
  /** milliseconds an example may run unless it sets `@timeout`; default 5000 */
  timeout?: number;
  /** worker processes; default: the number of cores */
  jobs?: number;
  /**
   * a module run once per `exemplar check` before any example: its default export (or `setup`
   * export) may return `{ env, teardown }`; `env` is handed to every example, `teardown` always
   * runs at the end, as does a `teardown` export.
   */
  setup?: string;
  /**
   * web address of the repository's files, for the links of the docs site's marks to an
   * example's source line: `https://host/org/repo/blob/main`, or `https://host/org/repo/blob/:commit`
   * to link the commit that ran; default: read from the git remote `origin`
   */
  repository?: string;
}

/** Identity function that types a config file. */
export function defineConfig(config: ExemplarConfig): ExemplarConfig {
  return config;
}
