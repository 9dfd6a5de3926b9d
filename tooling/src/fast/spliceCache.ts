// Speed: what `resolveBlock` works out per example (its lookup by key, its rendered code), made
// once per splice context. Why: a docs folder shows each example in many blocks. Proven by
// `npm run bench:splice` (5,000 blocks over 100 examples); figures in BENCHMARKS.md.

import type * as TS from "typescript";
import type { Example } from "../records/Example.ts";
import { parseExampleSource } from "../find/parseExampleSource.ts";
import { renderExampleCode, type RenderedCode } from "../splice/renderExampleCode.ts";
import type { SpliceContext } from "../splice/SpliceContext.ts";

/** What `resolveBlock` derives from one splice context, worked out once. */
export interface SpliceCache {
  /** the first example with this key, as `context.examples.find` would give it */
  example(key: string): Example | undefined;
  /** `renderExampleCode(example, text, { full })`, rendered once per example, text and form */
  code(example: Example, text: string, full: boolean): RenderedCode;
}

const caches = new WeakMap<SpliceContext, SpliceCache>();

/**
 * The cache of a splice context, for as long as the context lives. A docs folder shows each
 * example in many blocks: without it every block searched the examples and parsed its example's
 * file again (5,000 parses of 10 files on the splice benchmark). Entries remember the example
 * and text they were made from and are remade when those differ, so a caller that swaps a
 * source in the context gets fresh code, never stale.
 */
export function spliceCache(context: SpliceContext): SpliceCache {
  let cache = caches.get(context);
  if (cache === undefined) {
    cache = createCache(context);
    caches.set(context, cache);
  }
  return cache;
}

function createCache(context: SpliceContext): SpliceCache {
  let byKey: { examples: readonly Example[]; map: Map<string, Example> } | undefined;
  const parsed = new Map<string, { text: string; sourceFile: TS.SourceFile }>();
  const rendered = new Map<string, { example: Example; text: string; code: RenderedCode }>();
  const parse = (file: string, text: string) => {
    const known = parsed.get(file);
    if (known?.text === text) return known.sourceFile;
    // the tree `findExamples` made of this very text, or a parse of our own
    const given = context.parsed?.get(file);
    const sourceFile = given?.text === text ? given : parseExampleSource(file, text);
    parsed.set(file, { text, sourceFile });
    return sourceFile;
  };
  return {
    example(key) {
      if (byKey?.examples !== context.examples) {
        const map = new Map<string, Example>();
        // the first of duplicate keys wins, as with `find`
        for (const example of context.examples) if (!map.has(example.key)) map.set(example.key, example);
        byKey = { examples: context.examples, map };
      }
      return byKey.map.get(key);
    },
    code(example, text, full) {
      const id = `${full ? "full" : "body"} ${example.key}`;
      const known = rendered.get(id);
      if (known?.example === example && known.text === text) return known.code;
      const code = renderExampleCode(example, text, { full, sourceFile: parse(example.file, text) });
      rendered.set(id, { example, text, code });
      return code;
    },
  };
}
