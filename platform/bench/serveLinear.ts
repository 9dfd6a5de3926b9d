/**
 * The prediction service under benchmark, in its own process (so that the load generator does
 * not share its event loop): a trivial linear model `y = 0.5 * a - 0.25 * b + 3` served with
 * `serve` on loopback. Prints `READY <url>`. With BENCH_TRACKING_URL (and BENCH_TRACKING_TOKEN)
 * each request is a usage event sent with the registry sink to that URL.
 */
import { createHash } from "node:crypto";
import type { SavedEnvelope } from "../src/envelope/Envelope.ts";
import { serve } from "../src/serving/serve.ts";
import { registrySink } from "../src/tracking/registrySink.ts";

const source = "export function predict(rows, state) { return rows.map((row) => ({ score: state.w[0] * row.a + state.w[1] * row.b + state.bias })); }\n";
const envelope: SavedEnvelope = {
  name: "bench-linear",
  version: 1,
  owner: "bench",
  team: "bench",
  description: "",
  createdAt: new Date().toISOString(),
  function: {
    artifact: { mediaType: "application/json", size: 0, sha256: "0".repeat(64) },
    shape: { inputs: [{ name: "a", type: "number", nullable: false }, { name: "b", type: "number", nullable: false }], outputs: [{ name: "score", type: "number", nullable: false }] },
  },
  context: { node: process.version, packages: {}, code: { entry: "linear.js", format: "esm", code: source, sha256: createHash("sha256").update(source).digest("hex") } },
  data: { features: { a: { type: "number", count: 100, nulls: 0, min: 0, max: 1, mean: 0.5 }, b: { type: "number", count: 100, nulls: 0, min: 0, max: 1, mean: 0.5 } }, metrics: [] },
  tags: {},
};
const tracking = process.env["BENCH_TRACKING_URL"];
const service = await serve(envelope, { state: { w: [0.5, -0.25], bias: 3 }, workers: Number(process.env["BENCH_WORKERS"] ?? 1), ...(tracking ? { tracking: registrySink({ url: tracking, token: process.env["BENCH_TRACKING_TOKEN"] ?? "bench" }) } : {}) });
process.stdout.write(`READY ${service.url}\n`);
