import mime from "mime";

/**
 * The Content-Type header for a site file, from its extension (`mime`), with `charset=utf-8`
 * on textual types since static site generators write UTF-8; `application/octet-stream` when the
 * extension is unknown.
 */
export function contentTypeFor(path: string): string {
  const type = mime.getType(path);
  if (type === null) return "application/octet-stream";
  return isText(type) ? `${type}; charset=utf-8` : type;
}

function isText(type: string): boolean {
  return (
    type.startsWith("text/") ||
    type.endsWith("+json") ||
    type.endsWith("+xml") ||
    type === "application/json" ||
    type === "application/javascript" ||
    type === "application/xml"
  );
}
