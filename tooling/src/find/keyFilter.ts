/**
 * A predicate for example keys from a glob: `*` stands for any run of characters (`/` and `.`
 * included), `?` for one character; `registry.*` selects every key under `registry.`.
 */
export function keyFilter(glob: string): (key: string) => boolean {
  const pattern = new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
  return (key) => pattern.test(key);
}
