import { pathToFileURL } from "node:url";
import { expect, it } from "vitest";
import { cleanStack } from "../../src/report/cleanStack.ts";

const root = "/home/me/project";

it("keeps the example's frames, relative to the root, and drops Node's and the runner's (worker, TypeScript loader)", () => {
  const stack = [
    "Error: boom",
    `    at fail (${pathToFileURL(`${root}/examples/a.ts`).href}:3:9)`,
    `    at run (${root}/examples/a.ts:7:3)`,
    "    at <anonymous> (/repo/tooling/src/run/worker.ts:111:13)",
    "    at async run (/repo/node_modules/@exemplar/tooling/dist/worker.js:118:5)",
    "    at <anonymous> (/repo/tooling/dist/worker.js:135:13)",
    "    at new Promise (<anonymous>)",
    "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
    "    at load (/repo/tooling/src/fast/loader/hooks.mjs:60:3)",
  ].join("\n");
  expect(cleanStack(stack, root)).toBe("Error: boom\n    at fail (examples/a.ts:3:9)\n    at run (examples/a.ts:7:3)");
});

it("makes absolute paths in message lines relative too", () => {
  expect(cleanStack("Error: cannot open /home/me/project/x\nsecond line", root)).toBe("Error: cannot open x\nsecond line");
});
