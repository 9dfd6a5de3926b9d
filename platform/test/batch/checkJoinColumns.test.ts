import { describe, expect, test } from "vitest";
import { checkJoinColumns } from "../../src/batch/checkJoinColumns.ts";
import { formatProblem } from "../../src/errors/Problem.ts";

const features = (on: string[]) => ({ file: "f.parquet", format: "parquet" as const, on });
const columns = (text: string) => text.split(" ").map((column) => ({ name: column.split(":")[0]!, type: column.split(":")[1]! }));

describe("checkJoinColumns", () => {
  test.each([
    // a join that can run: one key, of one type on both sides, nothing else shared
    ["id:BIGINT plan:VARCHAR", ["id"], "id:BIGINT x:DOUBLE", []],
    // two keys, both present and of the same types
    ["id:BIGINT region:VARCHAR", ["id", "region"], "region:VARCHAR id:BIGINT x:DOUBLE", []],
    // the key missing in the input
    ["client:BIGINT", ["id"], "id:BIGINT x:DOUBLE", ["in.parquet: column id: expected the key column id (--on) to join f.parquet by, got no such column"]],
    // the key missing in the feature table
    ["id:BIGINT", ["id"], "client:BIGINT x:DOUBLE", ["f.parquet: column id: expected the key column id (--on) to join f.parquet by, got no such column"]],
    // the key's types differ
    ["id:BIGINT", ["id"], "id:VARCHAR x:DOUBLE", ["f.parquet: column id: expected an integer type, as the key id is in in.parquet (BIGINT), got VARCHAR"]],
    ["id:VARCHAR", ["id"], "id:DOUBLE x:DOUBLE", ["f.parquet: column id: expected VARCHAR, as the key id is in in.parquet (VARCHAR), got DOUBLE"]],
    // integer keys of different widths join as they are
    ["id:INTEGER", ["id"], "id:UBIGINT x:DOUBLE", []],
    // columns other than the keys in both tables
    ["id:BIGINT x:DOUBLE plan:VARCHAR", ["id"], "id:BIGINT x:DOUBLE plan:VARCHAR visits:INTEGER", ["f.parquet: columns x, plan: expected no column of in.parquet other than the keys (id): the join could not tell which to keep, got in both tables"]],
    // a feature table of keys only
    ["id:BIGINT", ["id"], "id:BIGINT", ["f.parquet: expected feature columns besides the keys (id), got only the keys"]],
  ])("input %s joined on %j with %s", (input, on, featureColumns, expected) => {
    expect(checkJoinColumns("in.parquet", columns(input), features(on), columns(featureColumns)).map(formatProblem)).toEqual(expected);
  });
});
