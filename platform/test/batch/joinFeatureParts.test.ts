import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { InputPart } from "../../src/batch/InputPart.ts";
import { joinFeatureParts } from "../../src/batch/joinFeatureParts.ts";
import { duckdbSql as sql } from "../support/duckdbSql.ts";
import { tempDir } from "../support/tempDir.ts";

describe("joinFeatureParts", () => {
  const temp = tempDir("envelope-join-parts-");
  const at = (name: string) => join(temp.dir, name);
  beforeAll(async () => {
    mkdirSync(at("joined"));
    await sql(`COPY (SELECT * FROM (VALUES (3, 'a'), (1, 'b'), (2, 'c')) t(id, plan)) TO '${at("ids.parquet")}' (FORMAT parquet)`);
    await sql(`COPY (SELECT * FROM (VALUES (1, 0.5), (2, 1.5), (3, 2.5)) t(id, x)) TO '${at("features.parquet")}' (FORMAT parquet)`);
    await sql(`COPY (SELECT * FROM (VALUES (1, 0.5), (1, 0.6), (3, 2.5)) t(id, x)) TO '${at("twice.parquet")}' (FORMAT parquet)`);
  });
  afterAll(() => temp.remove());

  test("writes each part's join once, in the input's order, and leaves parts without features or with a wrong join as they are", async () => {
    const features = (file: string) => ({ file, format: "parquet" as const, on: ["id"] });
    const parts: InputPart[] = [
      { file: at("ids.parquet"), format: "parquet", features: features(at("features.parquet")) },
      { file: at("ids.parquet"), format: "parquet" },
      // keys on several rows: joining would repeat rows, so the schema check reports it instead
      { file: at("ids.parquet"), format: "parquet", features: features(at("twice.parquet")) },
    ];
    const joined = await joinFeatureParts(parts, at("joined"));
    expect(joined.map((part) => part.joined)).toEqual([at("joined/joined-0.parquet"), undefined, undefined]);
    expect(joined.slice(1)).toEqual(parts.slice(1));
    expect(await sql(`SELECT * FROM read_parquet('${at("joined/joined-0.parquet")}')`)).toEqual([
      { id: 3, plan: "a", x: 2.5 },
      { id: 1, plan: "b", x: 0.5 },
      { id: 2, plan: "c", x: 1.5 },
    ]);
  });
});
