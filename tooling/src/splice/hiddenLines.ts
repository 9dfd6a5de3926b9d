/** Which lines `// hide` markers hide, and what is wrong with the markers. */
export interface HiddenLines {
  hidden: boolean[];
  /** problems, with the 0-based index of the line they are on */
  problems: Array<{ index: number; message: string }>;
}

const hideLine = /\/\/\s*hide\s*$/;
const hideStart = /^\s*\/\/\s*hide-start\s*$/;
const hideEnd = /^\s*\/\/\s*hide-end\s*$/;

/**
 * Lines ending in `// hide`, and lines from `// hide-start` to `// hide-end` (the markers
 * included), run but are not shown. A marker without its partner is a problem, not a guess.
 */
export function hiddenLines(lines: readonly string[]): HiddenLines {
  const hidden = lines.map(() => false);
  const problems: HiddenLines["problems"] = [];
  let openedAt: number | undefined;
  lines.forEach((line, index) => {
    if (hideStart.test(line)) {
      if (openedAt !== undefined) problems.push({ index, message: `\`// hide-start\` inside the range opened on the line ${index - openedAt} above: expected \`// hide-end\` first` });
      else openedAt = index;
      hidden[index] = true;
    } else if (hideEnd.test(line)) {
      if (openedAt === undefined) problems.push({ index, message: "`// hide-end` without a `// hide-start` before it" });
      openedAt = undefined;
      hidden[index] = true;
    } else {
      hidden[index] = openedAt !== undefined || hideLine.test(line);
    }
  });
  if (openedAt !== undefined) problems.push({ index: openedAt, message: "`// hide-start` without a `// hide-end` after it" });
  return { hidden, problems };
}
