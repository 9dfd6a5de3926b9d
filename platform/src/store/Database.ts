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
  close(): Promise<void>;
}
