// The GitHub Actions runner reads every line a step prints (lines end at LF or CR) and runs it
// as a workflow command (`::add-mask::`, `::error::`, `::stop-commands::`...) when, after .NET's
// TrimStart, it starts with `::`; or, in the older form, when `##[` appears anywhere in it
// (actions/runner ActionCommand.TryParseV2 and TryParse). A line an example printed must do
// neither. .NET trims what char.IsWhiteSpace calls white space: JavaScript's \s with U+0085 and
// without U+FEFF. Both are skipped here (line ends aside: `^` matches after each, which keeps
// the match linear), so that nothing the runner would trim can hide a `::`.
const leadingCommand = /^([\t\v\f \xa0\x85\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]*):(?=:)/gm;
const legacyCommand = /##\[/g;

/**
 * A report in which no line can be a GitHub Actions workflow command, for reports that end up
 * in a CI log. Pure. `form` says how to break `::` at a line's start and `##[`:
 * - `"text"` (the pretty report) puts a visible `\` before them. Not a space: the runner trims
 *   white space first. Not a zero-width character: it would hide from the reader that the line
 *   was changed, and make it differ invisibly from what the example printed.
 * - `"xml"` writes `:` as `&#58;` and `[` as `&#91;`, which an XML parser reads back as they were.
 * - `"json"` writes `[` as `\u005b`, which a JSON parser reads back; a line of JSON printed by
 *   `JSON.stringify` starts with white space and a quote or a bracket, never `::`.
 * None of these change a text that had neither, so normal reports are byte-identical.
 */
export function neutralizeWorkflowCommands(report: string, form: "text" | "xml" | "json"): string {
  switch (form) {
    case "text":
      return report.replace(leadingCommand, "$1\\:").replace(legacyCommand, "##\\[");
    case "xml":
      return report.replace(leadingCommand, "$1&#58;").replace(legacyCommand, "##&#91;");
    case "json":
      return report.replace(legacyCommand, "##\\u005b");
  }
}
