// characters XML 1.0 cannot hold, even as a character reference (its `Char` production): C0
// controls but tab, LF and CR; lone surrogates (the `u` flag reads a pair as one astral
// character, which XML allows); U+FFFE and U+FFFF
const forbidden = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text for an XML 1.0 element or double-quoted attribute: `& < > "` as entities, CR as `&#13;`
 * (a parser would read a raw CR as a newline), every other character as it is, astral ones
 * included, and each character XML forbids as a visible `\uXXXX` escape rather than dropped, so
 * that the report still shows that it was there. Pure.
 */
export function escapeXml(text: string): string {
  return text
    .replace(forbidden, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\r/g, "&#13;");
}
