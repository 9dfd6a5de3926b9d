import { createHash } from "node:crypto";
import path from "node:path";
import { build } from "esbuild";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { CustomCode } from "../envelope/Envelope.ts";

/**
 * Bundles a module of the user's own (and what it imports, node built-ins excepted) into one
 * ESM file with esbuild, so it travels in the envelope and loads anywhere with `loadCustomCode`.
 */
export async function bundleCustomCode(entry: string): Promise<CustomCode> {
  let code: string;
  try {
    const result = await build({ entryPoints: [entry], bundle: true, format: "esm", platform: "node", target: "node20", write: false, logLevel: "silent" });
    code = result.outputFiles[0]!.text;
  } catch (error) {
    const detail = (error as { errors?: Array<{ text: string }> }).errors?.map((problem) => problem.text).join("; ") ?? (error as Error).message;
    throw new EnvelopeError("ENVELOPE_CONFIG", `could not bundle custom code ${entry}: ${detail}`, { cause: error });
  }
  return { entry: path.basename(entry), format: "esm", code, sha256: createHash("sha256").update(code).digest("hex") };
}
