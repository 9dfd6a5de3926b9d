import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { lockedVersionsFrom, readLockedVersions } from "../../src/context/readLockedVersions.ts";
import { tempDir } from "../support/tempDir.ts";

const lock = JSON.stringify({
  lockfileVersion: 3,
  packages: { "": { dependencies: { pg: "^8" }, devDependencies: { vitest: "^4" } }, "node_modules/pg": { version: "8.23.1" }, "node_modules/vitest": { version: "4.1.12" }, "node_modules/@scope/x": { version: "1.0.0" } },
});
const temp = tempDir();
afterAll(() => temp.remove());

test("the root's direct dependencies by default, or the named packages", () => {
  expect(lockedVersionsFrom(lock, "package-lock.json")).toEqual({ pg: "8.23.1", vitest: "4.1.12" });
  expect(lockedVersionsFrom(lock, "package-lock.json", ["@scope/x"])).toEqual({ "@scope/x": "1.0.0" });
  expect(lockedVersionsFrom(JSON.stringify({ lockfileVersion: 1, dependencies: { pg: { version: "7.0.0" } } }), "old.json", ["pg"])).toEqual({ pg: "7.0.0" });
});

test("errors name the file and what is missing", () => {
  expect(() => lockedVersionsFrom(lock, "package-lock.json", ["left-pad", "pg", "nope"])).toThrow(/^package-lock\.json: no locked version for left-pad, nope; expected each under "packages"/);
  expect(() => lockedVersionsFrom("{", "broken.json")).toThrow(/^broken\.json: not a JSON lock file/);
  expect(() => readLockedVersions(path.join(temp.dir, "missing.json"))).toThrow(/^lock file not found: .*missing\.json/);
  writeFileSync(path.join(temp.dir, "package-lock.json"), lock);
  expect(readLockedVersions(path.join(temp.dir, "package-lock.json"), ["pg"])).toEqual({ pg: "8.23.1" });
});
