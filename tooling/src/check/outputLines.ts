/**
 * The lines of an output as compared: line endings normalised to `\n`, trailing white space
 * removed from each line, trailing blank lines dropped. Empty output has no lines.
 */
export function outputLines(output: string): string[] {
  const lines = output.replace(/\r\n?/g, "\n").split("\n").map((line) => line.trimEnd());
  while (lines.length > 0 && lines.at(-1) === "") lines.pop();
  return lines;
}
