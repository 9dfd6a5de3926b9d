import { assertNoProblems } from "../errors/EnvelopeError.ts";
import { Checks } from "../envelope/Checks.ts";
import { validateName } from "../envelope/validateName.ts";
import type { VersionRef } from "../store/Store.ts";

/** Checks the `{name}` and `{version}` path parameters (a number from 1, or `latest`). */
export function modelRef(params: Record<string, string>): { name: string; version: VersionRef } {
  const checks = new Checks();
  const name = params["name"];
  validateName(checks, name, "path.name");
  let version: VersionRef = "latest";
  const text = params["version"];
  if (text !== undefined && text !== "latest") {
    if (/^[1-9]\d{0,8}$/.test(text)) version = Number(text);
    else checks.fail("path.version", "a version number (1, 2, ...) or latest", text);
  }
  assertNoProblems(checks.problems, "the path");
  return { name: name!, version };
}
