import { readFileSync } from "node:fs";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import { isRecord } from "../envelope/Checks.ts";

/**
 * The versions of packages as locked in an npm lock file's text (lockfileVersion 1, 2 or 3).
 * With `names`, exactly those (a missing one is an error naming it and the file); without, the
 * root project's direct dependencies. `file` only names the source in messages.
 */
export function lockedVersionsFrom(text: string, file: string, names?: readonly string[]): Record<string, string> {
  let lock: unknown;
  try {
    lock = JSON.parse(text);
  } catch (error) {
    throw new EnvelopeError("ENVELOPE_CONFIG", `${file}: not a JSON lock file: ${(error as Error).message}`, { cause: error });
  }
  const packages = isRecord(lock) && isRecord(lock["packages"]) ? lock["packages"] : {};
  const legacy = isRecord(lock) && isRecord(lock["dependencies"]) ? lock["dependencies"] : {};
  const versionOf = (name: string): string | undefined => {
    const entry = packages[`node_modules/${name}`] ?? legacy[name];
    return isRecord(entry) && typeof entry["version"] === "string" ? entry["version"] : undefined;
  };
  let wanted = names;
  if (!wanted) {
    const root = isRecord(packages[""]) ? packages[""] : {};
    wanted = [root["dependencies"], root["devDependencies"]].flatMap((deps) => (isRecord(deps) ? Object.keys(deps) : [])).sort();
  }
  const versions: Record<string, string> = {};
  const missing: string[] = [];
  for (const name of wanted) {
    const version = versionOf(name);
    if (version === undefined) missing.push(name);
    else versions[name] = version;
  }
  if (missing.length > 0) {
    throw new EnvelopeError("ENVELOPE_CONFIG", `${file}: no locked version for ${missing.join(", ")}; expected each under "packages" as node_modules/<name>`);
  }
  return versions;
}

/** `lockedVersionsFrom` over a lock file on disk (e.g. `package-lock.json`). */
export function readLockedVersions(file: string, names?: readonly string[]): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new EnvelopeError("ENVELOPE_CONFIG", `lock file not found: ${file} (expected an npm package-lock.json)`, { cause: error });
  }
  return lockedVersionsFrom(text, file, names);
}
