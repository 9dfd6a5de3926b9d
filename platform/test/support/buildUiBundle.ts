// vitest's global setup: the dashboard's bundle (npm run build:ui), which the registry serves at
// /ui and the browser test loads, built once before any test file runs when it is missing or
// older than its sources (`npm ci` builds it; it is kept out of git).
import { buildUi, isUiBundleStale } from "../../src/ui/build/buildUi.ts";

export default async function buildUiBundle(): Promise<void> {
  if (isUiBundleStale()) await buildUi();
}
