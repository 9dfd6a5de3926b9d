/**
 * Follows `next` from the first page to the last, at most `maxPages` (a cursor that never ends
 * fails the test instead of hanging it): every row in order, and how many pages it took.
 */
export async function walkPages<Row>(read: (after: string | undefined) => Promise<{ rows: Row[]; next: string | null }>, maxPages = 20): Promise<{ rows: Row[]; pages: number }> {
  const rows: Row[] = [];
  let after: string | undefined;
  let pages = 0;
  do {
    const page = await read(after);
    rows.push(...page.rows);
    after = page.next ?? undefined;
    pages++;
  } while (after !== undefined && pages < maxPages);
  if (after !== undefined) throw new Error(`walkPages: still a next page after ${maxPages} pages`);
  return { rows, pages };
}
