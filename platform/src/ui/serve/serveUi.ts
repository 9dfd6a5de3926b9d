import { readFile, stat } from "node:fs/promises";
import { EnvelopeError } from "../../errors/EnvelopeError.ts";
import type { Reply } from "../../server/Route.ts";
import { uiBundleFile } from "../build/uiBundle.ts";
import { dashboardPage, missingBundlePage } from "./dashboardPage.ts";

const scriptPath = "/ui/dashboard.js";

/**
 * Answers the dashboard's paths, `/ui` (the page) and `/ui/dashboard.js` (the bundle), without a
 * token: the page holds no data; its calls to `/v1` carry the token the user pastes. Without a
 * built bundle the page is a 503 saying to run `npm run build:ui`. The bundle is read once per
 * build (its modification time), not once per request.
 */
export function createUiHandler(bundle = uiBundleFile): (method: string, segments: readonly string[]) => Promise<Reply> {
  let cached: { mtimeMs: number; bytes: Buffer } | undefined;
  async function readBundle(): Promise<Buffer | undefined> {
    const info = await stat(bundle).catch(() => undefined);
    if (!info) return undefined;
    if (cached?.mtimeMs !== info.mtimeMs) cached = { mtimeMs: info.mtimeMs, bytes: await readFile(bundle) };
    return cached.bytes;
  }
  const html = (status: number, text: string): Reply => ({ status, bytes: Buffer.from(text), contentType: "text/html; charset=utf-8" });
  return async (method, segments) => {
    const rest = segments.slice(1).filter((segment, index) => segment !== "" || index > 0);
    if (method !== "GET" && method !== "HEAD") throw new EnvelopeError("ENVELOPE_METHOD_NOT_ALLOWED", `${method} is not allowed on /${segments.join("/")}; expected GET`);
    const bytes = await readBundle();
    if (rest.length === 0) return bytes ? html(200, dashboardPage(scriptPath)) : html(503, missingBundlePage(bundle));
    if (rest.length === 1 && rest[0] === "dashboard.js") {
      if (!bytes) throw new EnvelopeError("ENVELOPE_NOT_FOUND", `the dashboard's bundle is not built (${bundle}); run npm run build:ui`);
      return { status: 200, bytes, contentType: "text/javascript; charset=utf-8" };
    }
    throw new EnvelopeError("ENVELOPE_NOT_FOUND", `no dashboard file /${segments.join("/")}; the dashboard is at /ui`);
  };
}
