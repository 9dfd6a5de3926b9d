import { Checks } from "../envelope/Checks.ts";
import { validateName } from "../envelope/validateName.ts";
import { assertNoProblems } from "../errors/EnvelopeError.ts";
import type { VersionRef } from "../store/Store.ts";
import { parseTagList } from "../tags/parseTagList.ts";

/** A model to serve: one version by name, or the newest version whose tags include all of `tags`. */
export type ModelRef = { name: string; version: VersionRef } | { tags: Record<string, string> };

/**
 * Reads `envelope serve`'s MODEL: `name@version` (`churn@3`, `churn@latest`), a bare name (its
 * latest version), or a tag query `name=churn,stage=prod` (the newest version matching every
 * tag). Every problem is listed in one ENVELOPE_INVALID. Pure.
 */
export function parseModelRef(text: string): ModelRef {
  const checks = new Checks();
  if (text.includes("=")) {
    const tags = parseTagList(checks, text, "MODEL");
    assertNoProblems(checks.problems, `MODEL ${JSON.stringify(text)}`);
    return { tags };
  }
  const at = text.lastIndexOf("@");
  const name = at === -1 ? text : text.slice(0, at);
  const versionText = at === -1 ? "latest" : text.slice(at + 1);
  validateName(checks, name, "MODEL.name");
  let version: VersionRef = "latest";
  if (versionText !== "latest") {
    if (/^[1-9]\d{0,8}$/.test(versionText)) version = Number(versionText);
    else checks.fail("MODEL.version", "a version number (1, 2, ...) or latest, as in churn@3", versionText);
  }
  assertNoProblems(checks.problems, `MODEL ${JSON.stringify(text)}`);
  return { name, version };
}
