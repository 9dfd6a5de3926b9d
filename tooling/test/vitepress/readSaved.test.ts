import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readSaved } from "../../src/vitepress/readSaved.ts";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
const file = () => {
  const folder = mkdtempSync(path.join(tmpdir(), "exemplar-read-saved-"));
  folders.push(folder);
  return path.join(folder, "a.ts");
};

describe("readSaved", () => {
  it("reads a file, and undefined for one that is gone", async () => {
    const saved = file();
    expect(await readSaved(saved)).toBeUndefined();
    writeFileSync(saved, "export {};\n");
    expect(await readSaved(saved)).toBe("export {};\n");
  });

  it("waits out a truncated file whose text is still being written", async () => {
    const saved = file();
    writeFileSync(saved, "");
    // the rest of the write lands after the first read saw the file empty
    const read = readSaved(saved, { tries: 100, pauseMs: 20 });
    setTimeout(() => writeFileSync(saved, "export {};\n"), 30);
    expect(await read).toBe("export {};\n");
  });

  it("takes a file that stays empty as empty", async () => {
    const saved = file();
    writeFileSync(saved, "");
    expect(await readSaved(saved, { tries: 3, pauseMs: 5 })).toBe("");
  });
});
