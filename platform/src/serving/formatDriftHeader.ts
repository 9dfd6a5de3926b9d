/**
 * The `x-envelope-drift` header for a request's drift counts: `age=1, monthly=2`, or undefined
 * for none. Field names are percent-encoded, since a header value must be plain ASCII.
 */
export function formatDriftHeader(counts: Record<string, number>): string | undefined {
  const parts = Object.entries(counts).map(([field, count]) => `${encodeURIComponent(field)}=${count}`);
  return parts.length === 0 ? undefined : parts.join(", ");
}
