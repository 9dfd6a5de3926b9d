/**
 * The fence for a block holding `code`: the block's own fence when no line of the code could
 * close it, else one character longer than the longest run of the fence's character that starts
 * a line. Never shorter than the fence as written, so splicing twice changes nothing.
 */
export function chooseFence(fence: string, code: string): string {
  const char = fence[0]!;
  let longest = 0;
  for (const line of code.split("\n")) {
    const run = /^[ \t]*(`+|~+)/.exec(line)?.[1];
    if (run !== undefined && run[0] === char) longest = Math.max(longest, run.length);
  }
  return longest >= fence.length ? char.repeat(longest + 1) : fence;
}
