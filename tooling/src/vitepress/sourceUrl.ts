import type { RepositoryPlace } from "./readRepository.ts";
import type { Revision } from "./readRevision.ts";

/** What links to an example's source are made from. */
export interface SourceLinks {
  /** the config's `repository`: the web address of the project's files, `:commit` standing for the commit */
  repository?: string | undefined;
  /** the project's place in its git repository, and that repository's web address */
  place?: RepositoryPlace | undefined;
}

/**
 * The web address of line `line` of the example file `file` (relative to the project root), as
 * it was at `revision`: the config's `repository` followed by the file (`:commit` in it replaced
 * by the commit), else the git remote's `/blob/<commit>/` page of the file. Undefined when
 * neither is known, or when the address needs a commit and there is none. Pure.
 */
export function sourceUrl(file: string, line: number, links: SourceLinks, revision: Revision | undefined): string | undefined {
  const anchor = `${encodeURI(file)}#L${line}`;
  if (links.repository) {
    const base = links.repository.replace(/\/+$/, "");
    if (!base.includes(":commit")) return `${base}/${anchor}`;
    return revision ? `${base.replaceAll(":commit", revision.commit)}/${anchor}` : undefined;
  }
  if (!links.place?.webUrl || !revision) return undefined;
  return `${links.place.webUrl}/blob/${revision.commit}/${encodeURI(links.place.prefix)}${anchor}`;
}
