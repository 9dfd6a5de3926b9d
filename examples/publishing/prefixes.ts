import { ExemplarError, normalizePrefix } from "@exemplar/tooling";

/**
 * A prefix is normalised to one folder of the bucket. Anything that could reach outside that
 * folder is refused before a single request is sent; the bucket root needs `--root`.
 * @example publishing.prefix
 * @expect
 * pr-12 -> pr-12/
 * previews//pr-12/ -> previews/pr-12/
 * ../x -> EXEMPLAR_PUBLISH_PREFIX: refusing prefix "../x": expected no ".." segments
 * /pr-12 -> EXEMPLAR_PUBLISH_PREFIX: refusing prefix "/pr-12": expected a relative key prefix such as "pr-12/" (or --root to publish to the bucket root)
 * (empty) -> EXEMPLAR_PUBLISH_PREFIX: refusing prefix "": expected a folder such as "pr-12/" (or --root to publish to the bucket root)
 * --root -> ""
 */
export function prefixes() {
  for (const prefix of ["pr-12", "previews//pr-12/", "../x", "/pr-12", ""]) {
    const shown = prefix === "" ? "(empty)" : prefix;
    try {
      console.log(`${shown} -> ${normalizePrefix({ prefix })}`);
    } catch (error) {
      if (!(error instanceof ExemplarError)) throw error;
      console.log(`${shown} -> ${error.code}: ${error.message}`);
    }
  }
  console.log(`--root -> ${JSON.stringify(normalizePrefix({ root: true }))}`);
}
