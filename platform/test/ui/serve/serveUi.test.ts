import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uiBundleFile } from "../../../src/ui/build/uiBundle.ts";
import { callRegistry } from "../../support/callRegistry.ts";
import { startTestRegistry, type TestRegistry } from "../../support/startTestRegistry.ts";

describe("the registry at /ui", () => {
  let registry: TestRegistry;
  let unbuilt: TestRegistry;
  beforeAll(async () => {
    registry = await startTestRegistry();
    unbuilt = await startTestRegistry({ uiBundle: path.join(registry.dir, "no-such-bundle.js") });
  });
  afterAll(async () => {
    await registry?.close();
    await unbuilt?.close();
  });

  it("serves the page without a token, and the bundle it loads", async () => {
    // the tests' global setup builds the bundle (platform/test/support/buildUiBundle.ts)
    expect(existsSync(uiBundleFile)).toBe(true);
    for (const at of ["/ui", "/ui/", "/ui?x=1"]) {
      const page = await callRegistry(registry, "GET", at, { token: null });
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(page.text).toContain('<script src="/ui/dashboard.js" defer></script>');
      expect(page.text).toContain("<title>Envelope dashboard</title>");
    }
    const script = await callRegistry(registry, "GET", "/ui/dashboard.js", { token: null });
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(script.bytes.length).toBeGreaterThan(50_000);
  });

  it("answers 503 saying to run npm run build:ui when the bundle is missing; the API still works", async () => {
    const page = await callRegistry(unbuilt, "GET", "/ui", { token: null });
    expect(page.status).toBe(503);
    expect(page.text).toMatch(/The dashboard is not built/);
    expect(page.text).toContain("Run <code>npm run build:ui</code>");
    const script = await callRegistry(unbuilt, "GET", "/ui/dashboard.js", { token: null });
    expect(script.status).toBe(404);
    expect(script.json.error.message).toMatch(/bundle is not built .*no-such-bundle\.js.*; run npm run build:ui/);
    expect((await callRegistry(unbuilt, "GET", "/v1/whoami")).status).toBe(200);
  });

  it("refuses other methods and other files under /ui by name", async () => {
    const post = await callRegistry(registry, "POST", "/ui", { body: {} });
    expect(post.status).toBe(405);
    expect(post.json.error.message).toBe("POST is not allowed on /ui; expected GET");
    const other = await callRegistry(registry, "GET", "/ui/style.css", { token: null });
    expect(other.status).toBe(404);
    expect(other.json.error.message).toBe("no dashboard file /ui/style.css; the dashboard is at /ui");
  });
});
