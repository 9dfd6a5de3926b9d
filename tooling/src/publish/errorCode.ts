/**
 * The most specific code an S3 client error carries: a Node network code (`ECONNREFUSED`, also
 * inside an AggregateError from happy-eyeballs connects), else the S3 error name (`NoSuchBucket`).
 */
export function errorCode(error: Error): string {
  const withCode = error as Error & { code?: unknown; errors?: unknown[] };
  if (typeof withCode.code === "string") return withCode.code;
  const inner = withCode.errors?.find((item): item is Error & { code: string } => typeof (item as { code?: unknown })?.code === "string");
  if (inner) return inner.code;
  return error.name === "Error" ? "" : error.name;
}
