import { keyPattern } from "../find/keyPattern.ts";
import { blockWord } from "../records/KeyedBlock.ts";

/** What the splicer reads in a fence's info string; every other word is left to the renderer. */
export interface InfoString {
  /** the language: the first word, without VitePress's `{1,3}` or `:line-numbers` suffixes */
  lang?: string;
  key?: string;
  kind?: "code" | "output";
  full: boolean;
  /** `static`: an untested snippet on purpose */
  isStatic: boolean;
  /** why a word that looks like a key is malformed */
  problems: string[];
}

const expected = "expected `example=KEY` or `example-output=KEY` with a key of lowercase letters, digits, `.`, `-` and `/`";

/**
 * Reads the words of an info string (```` ```ts example=registry.save {2} ````). Words that
 * start with `example` but are not a well-formed `example=KEY` / `example-output=KEY` are
 * problems rather than ignored, so a typo never leaves a block silently unspliced.
 */
export function parseInfoString(info: string): InfoString {
  const words = info.trim().split(/\s+/).filter((word) => word !== "");
  const parsed: InfoString = { full: false, isStatic: false, problems: [] };
  const first = words[0];
  if (first !== undefined && !/^example(-output)?(=|$)/.test(first)) {
    const lang = first.replace(/[{:[].*$/, "").toLowerCase();
    if (lang !== "") parsed.lang = lang;
  }
  for (const word of words) {
    if (word === "full") parsed.full = true;
    else if (word === "static") parsed.isStatic = true;
    else if (/^example[\w-]*(=|$)/.test(word)) readKeyWord(word, parsed);
  }
  return parsed;
}

function readKeyWord(word: string, parsed: InfoString) {
  const match = /^(example|example-output)=(.*)$/.exec(word);
  if (!match) {
    parsed.problems.push(/=/.test(word)
      ? `unknown word \`${word}\`: ${expected}`
      : `\`${word}\` needs a key: ${expected}`);
    return;
  }
  const kind = match[1] === "example" ? "code" : "output";
  const key = match[2]!;
  if (key === "") {
    parsed.problems.push(`\`${word}\` needs a key: ${expected}`);
    return;
  }
  if (!keyPattern.test(key)) {
    parsed.problems.push(`invalid example key \`${key}\` in \`${word}\`: ${expected}`);
    return;
  }
  if (parsed.key !== undefined) {
    parsed.problems.push(`\`${word}\`: the block already shows \`${blockWord({ kind: parsed.kind!, key: parsed.key })}\`; a block shows one example's code or output`);
    return;
  }
  parsed.key = key;
  parsed.kind = kind;
}
