import { ExemplarError } from "../errors/ExemplarError.ts";

/** How the prefix was asked for: `root` is the explicit `--root` switch. */
export interface PrefixRequest {
  prefix?: string | undefined;
  root?: boolean | undefined;
}

/**
 * Turns `--prefix` into the key prefix every published key starts with: `pr-12` and `pr-12/`
 * give `pr-12/`, `a//b` gives `a/b/`. Refuses what could reach outside one folder of the bucket:
 * an empty, absolute (`/x`), URL-like (`s3://b/x`) or dot-segment (`..`, `.`) prefix, and a
 * backslash. Only `root: true` publishes to the bucket root, and then returns ``.
 * Throws `EXEMPLAR_PUBLISH_PREFIX` naming the value and what was expected.
 */
export function normalizePrefix(request: PrefixRequest): string {
  const raw = request.prefix;
  if (request.root === true) {
    if (raw === undefined || raw === "" || raw === "/") return "";
    fail(raw, "--root publishes to the bucket root; give either --root or --prefix, not both");
  }
  if (raw === undefined) fail("", 'expected a folder such as "pr-12/" (or --root to publish to the bucket root)');
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) fail(raw, 'expected a key prefix such as "pr-12/", not a URL');
  const segments = raw.split("/").filter((segment) => segment !== "");
  if (segments.length === 0) fail(raw, 'expected a folder such as "pr-12/" (or --root to publish to the bucket root)');
  if (raw.startsWith("/")) fail(raw, `expected a relative key prefix such as "${suggestion(raw)}" (or --root to publish to the bucket root)`);
  if (raw.includes("\\")) fail(raw, 'expected "/" between folders, not "\\"');
  // control characters make keys that no browser URL can reach
  if (/[\u0000-\u001f\u007f]/.test(raw)) fail(raw, "expected no control characters");
  const dots = segments.find((segment) => segment === "." || segment === "..");
  if (dots !== undefined) fail(raw, `expected no "${dots}" segments`);
  return `${segments.join("/")}/`;
}

/** the refused value without its leading slashes, as a hint */
function suggestion(raw: string): string {
  const rest = raw.split("/").filter((segment) => segment !== "" && segment !== "." && segment !== "..");
  return rest.length === 0 ? "pr-12/" : `${rest.join("/")}/`;
}

function fail(raw: string, expected: string): never {
  throw new ExemplarError("EXEMPLAR_PUBLISH_PREFIX", `refusing prefix ${JSON.stringify(raw)}: ${expected}`);
}
