/** what COPY's text format writes for each character that would end a field or a row */
const escapes: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
const special = /[\\\t\n\r]/;
const specials = /[\\\t\n\r]/g;

/** A value as a field of COPY's text format: null as `\N`, a boolean as t or f, the rest as its text, escaped. */
function copyField(value: string | number | boolean | null): string {
  if (value === null) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  const text = String(value);
  return special.test(text) ? text.replace(specials, (character) => escapes[character]!) : text;
}

/**
 * Rows in COPY's text format (tab between fields, a newline after each row, the default null
 * `\N`), or undefined when a value cannot go through COPY as it would through a parameter: a
 * NUL, or a lone surrogate (which the UTF-8 of the text would turn into U+FFFD silently, where a
 * parameter is refused).
 */
export function copyText(rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>): string | undefined {
  let text = "";
  for (const row of rows) {
    text += copyField(row[0] ?? null);
    for (let field = 1; field < row.length; field++) text += "\t" + copyField(row[field]!);
    text += "\n";
  }
  // isWellFormed is Node 20's, newer than the ES2023 that the project's types know
  return text.includes("\0") || !(text as string & { isWellFormed(): boolean }).isWellFormed() ? undefined : text;
}
