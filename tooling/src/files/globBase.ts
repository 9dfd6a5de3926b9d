/**
 * The folder a glob starts from: its leading segments without glob characters (`examples` for
 * `examples/**\/*.ts`, `.` for `*.ts`). A watcher on it sees every file the glob can match.
 */
export function globBase(pattern: string): string {
  const segments = pattern.split("/");
  const literal: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (/[*?[\]{}()!]/.test(segment)) break;
    literal.push(segment);
  }
  return literal.length === 0 ? "." : literal.join("/");
}
