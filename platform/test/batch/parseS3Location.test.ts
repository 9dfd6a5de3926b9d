import { describe, expect, test } from "vitest";
import { parseS3Location } from "../../src/batch/parseS3Location.ts";

describe("parseS3Location", () => {
  test.each([
    // url, the listing prefix, keys it names, keys it does not
    ["s3://data/clients/part-0.parquet", "clients/part-0.parquet", ["clients/part-0.parquet"], ["clients/part-0.parquet.bak", "clients/part-0"]],
    ["s3://data/clients/*.parquet", "clients/", ["clients/a.parquet", "clients/.parquet"], ["clients/old/a.parquet", "clients/a.parquet.tmp", "clients-2/a.parquet"]],
    ["s3://data/clients/**.parquet", "clients/", ["clients/a.parquet", "clients/2026/11/a.parquet"], ["other/a.parquet"]],
    ["s3://data/part-?.csv", "part-", ["part-1.csv"], ["part-10.csv", "part-/.csv"]],
    // regex characters in a key are literal
    ["s3://data/a+b (1)/*.csv", "a+b (1)/", ["a+b (1)/x.csv"], ["aab (1)/x.csv"]],
  ])("%s", (url, prefix, named, notNamed) => {
    const location = parseS3Location(url, "--input");
    expect([location.bucket, location.prefix]).toEqual(["data", prefix]);
    expect(named.map(location.matches)).toEqual(named.map(() => true));
    expect(notNamed.map(location.matches)).toEqual(notNamed.map(() => false));
  });

  test.each(["s3://", "s3://bucket", "s3://bucket/", "s3:/bucket/key"])("refuses %s naming the flag", (url) => {
    expect(() => parseS3Location(url, "--features")).toThrow(`--features ${url}: expected s3://BUCKET/KEY, where KEY may be a glob such as clients/*.parquet`);
  });
});
