/** `… 3 more failures not shown`: the line a report prints where it stops listing things. */
export function notShown(count: number, what: string): string {
  return `… ${count} more ${what}${count === 1 ? "" : "s"} not shown`;
}
