import { existsSync, mkdirSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { createLocalArtifacts } from "../../src/artifacts/createLocalArtifacts.ts";
import { tempDir } from "../support/tempDir.ts";

const dirs: Array<{ remove: () => void }> = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});

test("stores by hash and reads back; a second put of equal bytes writes nothing new", async () => {
  const temp = tempDir();
  dirs.push(temp);
  const artifacts = createLocalArtifacts(temp.dir);
  const info = await artifacts.put(Buffer.from("[1,2]"), "application/json");
  expect(info).toEqual({ mediaType: "application/json", size: 5, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  expect(await artifacts.put(Buffer.from("[1,2]"), "application/json")).toEqual(info);
  expect((await artifacts.get(info.sha256))?.toString()).toBe("[1,2]");
  expect(await artifacts.get("../../etc/passwd")).toBeUndefined();
});

test("temp files that a killed write left behind are removed at start, a write in flight's are not (issue 15, finding 7)", async () => {
  const temp = tempDir();
  dirs.push(temp);
  const first = await createLocalArtifacts(temp.dir).put(Buffer.from("kept"), "text/plain");
  const shard = path.join(temp.dir, first.sha256.slice(0, 2));
  const leftover = path.join(shard, `${first.sha256}.tmp-0a1b2c3d4e5f`);
  const other = path.join(temp.dir, "ff", `${"f".repeat(64)}.tmp-00aa00aa00aa`);
  const inFlight = path.join(temp.dir, "ee", `${"e".repeat(64)}.tmp-11bb11bb11bb`);
  for (const file of [leftover, other, inFlight]) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, "half an artifact");
  }
  const anHourAgo = new Date(Date.now() - 60 * 60 * 1000);
  utimesSync(leftover, anHourAgo, anHourAgo);
  utimesSync(other, anHourAgo, anHourAgo);

  const artifacts = createLocalArtifacts(temp.dir);

  expect([existsSync(leftover), existsSync(other), existsSync(inFlight)]).toEqual([false, false, true]);
  expect((await artifacts.get(first.sha256))?.toString()).toBe("kept");
});
