import type { Problem } from "../errors/Problem.ts";

/** A problem with one field of one row: `path` is `rows[3].age`, with the row index and field apart. */
export interface RowProblem extends Problem {
  row: number;
  field: string;
}
