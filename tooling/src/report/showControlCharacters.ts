// the characters a terminal acts on rather than prints: the C0 controls but tab and LF, DEL, and
// the C1 controls (U+0080-U+009F; some terminals read U+009B as CSI, as they read ESC [)
const controls = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/**
 * Text for a terminal in which nothing can move the cursor, clear the screen, rewrite a line,
 * ring the bell or change the terminal's settings: CR becomes a visible `\r` and every other
 * control character a visible `\xNN` (ESC as `\x1b`, so `\x1b[2J` is shown, not run); tab and LF
 * are kept, and so is every other character. Pure. A text without control characters comes back
 * unchanged. The escapes are for reading, not for reading back: a `\x1b` the text already held
 * looks the same as an escaped ESC.
 */
export function showControlCharacters(text: string): string {
  return text.replace(controls, (character) => (character === "\r" ? "\\r" : `\\x${character.charCodeAt(0).toString(16).padStart(2, "0")}`));
}
