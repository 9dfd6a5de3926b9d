/** Something that runs SQL with `$1`-style parameters and returns the rows. */
export interface Queryable {
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

/**
 * The little the store needs of a Postgres: queries, transactions and closing. PGlite and
 * node-postgres each get a thin adapter, so that both run exactly the same SQL.
 */
export interface Database extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** runs `work` in one transaction: committed when it resolves, rolled back when it throws */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * PGlite only: copies `rows` (COPY's text format) into `table`'s `columns`, then runs `after`
   * (statements without parameters, `;` between them), all in one transaction, as one
   * round trip: each statement costs PGlite about half a millisecond whatever it does, and COPY
   * writes a row for less than an INSERT does. Absent where a plain INSERT does as well.
   */
  copyThen?(table: string, columns: readonly string[], rows: string, after: string): Promise<void>;
  close(): Promise<void>;
}
