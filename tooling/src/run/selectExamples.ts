import { keyFilter } from "../find/keyFilter.ts";
import type { Example } from "../records/Example.ts";
import type { Project } from "../records/Project.ts";

/** Which examples a run takes; every given criterion must hold (none: all of them). */
export interface Selection {
  /** a key glob, as `--filter` takes it: `registry.*` */
  filter?: string;
  /** example files (relative to the root): the dev server's saved ones */
  files?: Iterable<string>;
  /** example keys: those whose output a page shows */
  keys?: Iterable<string>;
}

/** The project's examples that `selection` picks, in project order. */
export function selectExamples(project: Project, selection: Selection = {}): Example[] {
  const matches = selection.filter === undefined ? undefined : keyFilter(selection.filter);
  const files = selection.files === undefined ? undefined : new Set(selection.files);
  const keys = selection.keys === undefined ? undefined : new Set(selection.keys);
  return project.examples.filter((example) =>
    (matches?.(example.key) ?? true) && (files?.has(example.file) ?? true) && (keys?.has(example.key) ?? true));
}

