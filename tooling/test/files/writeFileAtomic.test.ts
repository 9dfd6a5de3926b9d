import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { writeFileAtomic } from "../../src/files/writeFileAtomic.ts";

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "exemplar-write-atomic-"));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = (...parts: string[]) => path.join(dir, ...parts);

test("replaces the text and leaves no temporary file", async () => {
  writeFileSync(at("page.md"), "old\n");
  await writeFileAtomic(at("page.md"), "new\n");
  expect(readFileSync(at("page.md"), "utf8")).toBe("new\n");
  expect(readdirSync(dir)).toEqual(["page.md"]);
});

test("creates a missing file and its folder", async () => {
  await writeFileAtomic(at("reports", "junit.xml"), "<x/>");
  expect(readFileSync(at("reports", "junit.xml"), "utf8")).toBe("<x/>");
});

test.each([["0600", 0o600], ["0755", 0o755], ["0640", 0o640]])("keeps the file's mode %s", async (_name, mode) => {
  writeFileSync(at("page.md"), "old\n");
  chmodSync(at("page.md"), mode);
  await writeFileAtomic(at("page.md"), "new\n");
  expect(statSync(at("page.md")).mode & 0o7777).toBe(mode);
});

test("writes through a symlink: the link stays a link and its target gets the text", async () => {
  mkdirSync(at("shared"));
  writeFileSync(at("shared", "page.md"), "old\n");
  chmodSync(at("shared", "page.md"), 0o600);
  mkdirSync(at("docs"));
  symlinkSync("../shared/page.md", at("docs", "page.md"));
  // a link to the link: followed to the end
  symlinkSync("page.md", at("docs", "again.md"));
  await writeFileAtomic(at("docs", "again.md"), "new\n");
  expect(lstatSync(at("docs", "page.md")).isSymbolicLink()).toBe(true);
  expect(lstatSync(at("docs", "again.md")).isSymbolicLink()).toBe(true);
  expect(readlinkSync(at("docs", "page.md"))).toBe("../shared/page.md");
  expect(readFileSync(at("shared", "page.md"), "utf8")).toBe("new\n");
  expect(statSync(at("shared", "page.md")).mode & 0o7777).toBe(0o600);
  expect(readdirSync(at("docs")).sort()).toEqual(["again.md", "page.md"]);
  expect(readdirSync(at("shared"))).toEqual(["page.md"]);
});

test("a relative link inside a linked folder is read from the real folder, as the kernel reads it", async () => {
  mkdirSync(at("real", "docs"), { recursive: true });
  mkdirSync(at("real", "shared"));
  writeFileSync(at("real", "shared", "page.md"), "old\n");
  symlinkSync("../shared/page.md", at("real", "docs", "page.md"));
  symlinkSync("real/docs", at("docs"));
  await writeFileAtomic(at("docs", "page.md"), "new\n");
  expect(readFileSync(at("real", "shared", "page.md"), "utf8")).toBe("new\n");
  expect(lstatSync(at("real", "docs", "page.md")).isSymbolicLink()).toBe(true);
});

test("a loop of links is refused, naming the file", async () => {
  symlinkSync("b.md", at("a.md"));
  symlinkSync("a.md", at("b.md"));
  await expect(writeFileAtomic(at("a.md"), "new\n")).rejects.toMatchObject({
    code: "EXEMPLAR_WRITE_FAILED",
    message: `${at("a.md")}: more than 40 symbolic links to follow (a loop?): expected a chain that ends at a file`,
  });
});

test("a dangling symlink: its target is created, the link stays", async () => {
  symlinkSync("target.md", at("page.md"));
  await writeFileAtomic(at("page.md"), "new\n");
  expect(lstatSync(at("page.md")).isSymbolicLink()).toBe(true);
  expect(readFileSync(at("target.md"), "utf8")).toBe("new\n");
});

test("keeps hard links: every name of the file sees the new text, the inode stays", async () => {
  writeFileSync(at("page.md"), "old text, longer than the new one\n");
  linkSync(at("page.md"), at("other-name.md"));
  const inode = statSync(at("page.md")).ino;
  await writeFileAtomic(at("page.md"), "new\n");
  expect(readFileSync(at("page.md"), "utf8")).toBe("new\n");
  expect(readFileSync(at("other-name.md"), "utf8")).toBe("new\n");
  expect(statSync(at("page.md")).ino).toBe(inode);
  expect(statSync(at("page.md")).nlink).toBe(2);
  expect(readdirSync(dir).sort()).toEqual(["other-name.md", "page.md"]);
});

test.runIf(process.getuid?.() === 0)("keeps the file's owner and group", async () => {
  writeFileSync(at("page.md"), "old\n");
  chownSync(at("page.md"), 4321, 4322);
  await writeFileAtomic(at("page.md"), "new\n");
  expect(statSync(at("page.md"))).toMatchObject({ uid: 4321, gid: 4322 });
  expect(readFileSync(at("page.md"), "utf8")).toBe("new\n");
});

test("a byte order mark and non-ASCII text are written as UTF-8, byte for byte", async () => {
  await writeFileAtomic(at("page.md"), "\ufeff# Café\r\n");
  expect(readFileSync(at("page.md"))).toEqual(Buffer.from([0xef, 0xbb, 0xbf, 0x23, 0x20, 0x43, 0x61, 0x66, 0xc3, 0xa9, 0x0d, 0x0a]));
});
