// The preview comment remembers, in a hidden line, which commit the preview at its URL was built
// from, or that nothing was published yet. A push whose build fails leaves the preview in
// place, so the next comment reads the line back from the comment it replaces and says the
// preview shows that earlier commit (or that there is none yet).

const LINE = /^<!-- exemplar-preview-of: ([0-9a-f]{7,40}|none) -->$/im;

/** The hidden line that records the commit the preview was built from, or `none`. */
export function previewBuiltFromLine(commit: string | "none"): string {
  return `<!-- exemplar-preview-of: ${commit} -->`;
}

/**
 * What an earlier preview comment says the preview shows: `"none"` when there is no earlier
 * comment or it says nothing was published, the commit its hidden line records, or `undefined`
 * when it has no such line (a comment of an older Exemplar: some earlier build, commit unknown).
 */
export function previewBuiltFrom(previousBody: string | undefined): string | undefined {
  if (previousBody === undefined) return "none";
  return LINE.exec(previousBody)?.[1];
}
