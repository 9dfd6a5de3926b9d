import type { Checks } from "./Checks.ts";
import type { Context } from "./Envelope.ts";

/** Checks a context: `node` version, `packages` (name -> version) and optional bundled `code`. */
export function validateContext(checks: Checks, value: unknown, path: string): value is Context {
  const before = checks.problems.length;
  if (!checks.record(value, path)) return false;
  checks.onlyKeys(value, path, ["node", "packages", "code"]);
  checks.string(value["node"], `${path}.node`, { pattern: /^v?\d+\.\d+\.\d+/, describe: "a Node version like v20.19.0" });
  const packages = value["packages"];
  if (checks.record(packages, `${path}.packages`)) {
    for (const name in packages) {
      if (checks.full) break;
      if (Object.hasOwn(packages, name)) checks.string(packages[name], `${path}.packages.${name}`, { max: 128, describe: "a version string" });
    }
  }
  const code = value["code"];
  if (code !== undefined && checks.record(code, `${path}.code`)) {
    checks.onlyKeys(code, `${path}.code`, ["entry", "format", "code", "sha256"]);
    checks.string(code["entry"], `${path}.code.entry`, { max: 256 });
    checks.oneOf(code["format"], `${path}.code.format`, ["esm"]);
    checks.string(code["code"], `${path}.code.code`);
    checks.string(code["sha256"], `${path}.code.sha256`, { pattern: /^[0-9a-f]{64}$/, describe: "a sha256 in hex" });
  }
  return checks.problems.length === before;
}
