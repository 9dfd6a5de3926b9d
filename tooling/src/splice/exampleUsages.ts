import type { ExampleUsage } from "../records/ExampleUsage.ts";
import type { KeyedBlock } from "../records/KeyedBlock.ts";

/**
 * For each example key (sorted), the pages and headings where its blocks appear, in page order.
 */
export function exampleUsages(blocks: readonly KeyedBlock[]): Map<string, ExampleUsage[]> {
  const byKey = new Map<string, ExampleUsage[]>();
  for (const block of blocks) {
    const usage: ExampleUsage = { file: block.file, line: block.line, kind: block.kind };
    if (block.heading !== undefined) usage.heading = block.heading;
    byKey.set(block.key, [...(byKey.get(block.key) ?? []), usage]);
  }
  const compare = (a: ExampleUsage, b: ExampleUsage) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1);
  return new Map([...byKey.keys()].sort().map((key) => [key, byKey.get(key)!.sort(compare)]));
}
