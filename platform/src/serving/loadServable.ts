import type { Registry } from "../client/Registry.ts";
import type { SavedEnvelope } from "../envelope/Envelope.ts";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { ModelRef } from "./parseModelRef.ts";

/** What `serve` needs: the envelope and the model's state. */
export interface Servable {
  envelope: SavedEnvelope;
  /** the artifact: parsed JSON when saved as JSON, else its bytes */
  state: unknown;
}

/**
 * Reads a model to serve from the registry: the version named, or the newest matching the tags
 * (ENVELOPE_NOT_FOUND naming the tags when none does), with its artifact as the state.
 */
export async function loadServable(registry: Pick<Registry, "get" | "find" | "artifact">, ref: ModelRef): Promise<Servable> {
  let name: string;
  let version: number | "latest";
  if ("tags" in ref) {
    const [newest] = await registry.find(ref.tags, { limit: 1 });
    if (!newest) throw new EnvelopeError("ENVELOPE_NOT_FOUND", `no model version has the tags ${Object.entries(ref.tags).map(([key, value]) => `${key}=${value}`).join(",")}; expected at least one (see \`registry.find\`)`);
    ({ name, version } = newest);
  } else ({ name, version } = ref);
  const envelope = await registry.get(name, version);
  const bytes = await registry.artifact(envelope.name, envelope.version);
  const state = envelope.function.artifact.mediaType === "application/json" ? JSON.parse(Buffer.from(bytes).toString("utf8")) : bytes;
  return { envelope, state };
}
