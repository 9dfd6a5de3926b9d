import { existsSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { buildUi, isUiBundleStale } from "../../../src/ui/build/buildUi.ts";
import { tempDir } from "../../support/tempDir.ts";

const temp = tempDir("envelope-ui-build-");
afterAll(() => temp.remove());

it("bundles the dashboard with Plot into one script that fetches nothing from elsewhere", async () => {
  const file = path.join(temp.dir, "dashboard.js");
  const { bytes } = await buildUi(file);
  const code = readFileSync(file, "utf8");
  expect(bytes).toBe(Buffer.byteLength(code));
  // the bundle draws with Plot and holds the views; it imports nothing at run time
  expect(code).toContain("envelope.token");
  expect(code).not.toMatch(/\bimport\s*\(|from\s*["']https?:/);
  expect(code).not.toMatch(/https?:\/\/(cdn|unpkg|esm\.sh)/);
}, 60_000);

it("is stale when missing or older than a source file, fresh otherwise", () => {
  const file = path.join(temp.dir, "stale.js");
  expect(isUiBundleStale(file)).toBe(true);
  writeFileSync(file, "");
  expect(isUiBundleStale(file)).toBe(false);
  utimesSync(file, new Date(0), new Date(0));
  expect(existsSync(file) && isUiBundleStale(file)).toBe(true);
});
