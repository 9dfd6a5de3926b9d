/** What one request body may cost to parse, beside its size in bytes (`maxBodyBytes`). */
export interface JsonLimits {
  /** arrays and objects nested deeper than this are refused with 413 */
  maxDepth: number;
  /** an object with more members is refused with 413, except inside a raw value */
  maxMembers: number;
  /** paths (e.g. `["function", "artifact", "data"]`) whose values are kept as sent: a `RawJson` */
  raw?: ReadonlyArray<readonly string[]>;
}

export const defaultJsonLimits: JsonLimits = { maxDepth: 512, maxMembers: 10_000 };
