import type { Problem } from "../errors/Problem.ts";
import type { FeatureTable } from "./InputPart.ts";

/** A column as DuckDB's DESCRIBE names and types it. */
export interface DescribedColumn {
  name: string;
  type: string;
}

const integers = /^U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)$/;

/** what a key of `type` is compared as: any integer type joins any other (a CSV's ids read as BIGINT, a Parquet's may be INTEGER); every other type only itself */
function keyKind(type: string): string {
  return integers.test(type) ? "an integer type" : type;
}

/**
 * The problems in joining `features` onto the input `file` by their columns alone, each naming
 * the file and column: a key missing on either side, a key whose types differ (integer types
 * of different widths join as they are), columns other
 * than the keys in both tables (the join could not tell which to keep), and a feature table
 * with nothing besides its keys. Pure; the values (duplicate keys, ids without features) are
 * `checkFeatureJoin`'s.
 */
export function checkJoinColumns(file: string, inputColumns: readonly DescribedColumn[], features: FeatureTable, featureColumns: readonly DescribedColumn[]): Problem[] {
  const problems: Problem[] = [];
  const inputTypes = new Map(inputColumns.map((column) => [column.name, column.type]));
  const featureTypes = new Map(featureColumns.map((column) => [column.name, column.type]));
  const keys = new Set(features.on);
  for (const key of features.on) {
    const expected = `the key column ${key} (--on) to join ${features.file} by`;
    const inputType = inputTypes.get(key);
    const featureType = featureTypes.get(key);
    if (inputType === undefined) problems.push({ path: `${file}: column ${key}`, expected, got: "no such column" });
    if (featureType === undefined) problems.push({ path: `${features.file}: column ${key}`, expected, got: "no such column" });
    if (inputType !== undefined && featureType !== undefined && keyKind(inputType) !== keyKind(featureType)) {
      problems.push({ path: `${features.file}: column ${key}`, expected: `${keyKind(inputType)}, as the key ${key} is in ${file} (${inputType})`, got: featureType });
    }
  }
  const both = featureColumns.filter((column) => !keys.has(column.name) && inputTypes.has(column.name)).map((column) => column.name);
  if (both.length > 0) {
    problems.push({ path: `${features.file}: column${both.length === 1 ? "" : "s"} ${both.join(", ")}`, expected: `no column of ${file} other than the keys (${features.on.join(", ")}): the join could not tell which to keep`, got: `in both tables` });
  }
  if (featureColumns.every((column) => keys.has(column.name))) problems.push({ path: features.file, expected: `feature columns besides the keys (${features.on.join(", ")})`, got: "only the keys" });
  return problems;
}
