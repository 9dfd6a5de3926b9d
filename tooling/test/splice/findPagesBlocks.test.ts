import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, vi } from "vitest";
import { findKeyedBlocks } from "../../src/splice/findKeyedBlocks.ts";
import { findPagesBlocks, threadFrom } from "../../src/splice/findPagesBlocks.ts";
import { fixtures } from "./fixtureContext.ts";

// counted, so that a test can tell whether the pages went to a thread
const threads = vi.hoisted(() => ({ started: 0 }));
vi.mock("node:worker_threads", async (original) => {
  const actual = await original<typeof import("node:worker_threads")>();
  class CountedWorker extends actual.Worker {
    constructor(...args: ConstructorParameters<typeof actual.Worker>) {
      super(...args);
      threads.started++;
    }
  }
  return { ...actual, Worker: CountedWorker };
});

const repository = fileURLToPath(new URL("../../..", import.meta.url));

/** Every Markdown page of the splice fixtures and of this project's docs, as `spliceDocs` reads them. */
function pages() {
  const folders = [path.join(fixtures, "golden"), path.join(fixtures, "project", "docs"), path.join(repository, "docs")];
  return folders.flatMap((folder) =>
    readdirSync(folder, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".md") && !file.split(path.sep).some((part) => part.startsWith(".")))
      .sort()
      .map((file) => ({ file: path.relative(repository, path.join(folder, file)), text: readFileSync(path.join(folder, file), "utf8") })),
  );
}

test("a thread finds, page for page, what findKeyedBlocks finds here", async () => {
  const all = pages();
  expect(all.length).toBeGreaterThan(15);
  const inThread = await findPagesBlocks(all, { thread: true });
  expect(inThread).toEqual(all.map((page) => findKeyedBlocks(page.text, page.file)));
  expect(inThread.flatMap((found) => found.blocks).length).toBeGreaterThan(50);
  expect(await findPagesBlocks(all, { thread: false })).toEqual(inThread);
});

test("few pages are read here by default", async () => {
  const before = threads.started;
  const few = [{ file: "docs/a.md", text: "```ts example=a.b\n```\n" }];
  expect((await findPagesBlocks(few))[0]!.blocks.map((block) => block.key)).toEqual(["a.b"]);
  expect(threads.started - before).toBe(0);
});

test("many pages go to a thread by default, and come back in order", async () => {
  const many = Array.from({ length: threadFrom }, (_, index) => ({ file: `docs/${index}.md`, text: `# Page ${index}\n\n\`\`\`ts example=page.n${index}\n\`\`\`\n` }));
  const before = threads.started;
  const found = await findPagesBlocks(many);
  expect(threads.started - before).toBe(1);
  expect(found.map((page) => [page.blocks[0]!.key, page.blocks[0]!.heading])).toEqual(many.map((_, index) => [`page.n${index}`, `Page ${index}`]));
});

test("a page the thread cannot read fails the call, naming the error", async () => {
  const broken = [{ file: "docs/broken.md", text: 5 as unknown as string }];
  await expect(findPagesBlocks(broken, { thread: true })).rejects.toThrow(/text\.includes is not a function/);
});
