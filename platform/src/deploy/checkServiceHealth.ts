import type { ModelSummary } from "../envelope/Envelope.ts";
import { modelLabel } from "../serving/modelLabel.ts";

/**
 * Asks a prediction service whether it is healthy: `GET <url>/healthz` must answer 200 within
 * `timeoutMs`, saying it serves `model`. Returns why not, in words (`GET .../healthz answered
 * 503`), or undefined when it is. Never throws.
 */
export async function checkServiceHealth(url: string, model: Pick<ModelSummary, "name" | "version">, timeoutMs = 5000): Promise<string | undefined> {
  const endpoint = `${url}/healthz`;
  try {
    const response = await fetch(endpoint, { signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    if (response.status !== 200) return `GET ${endpoint} answered ${response.status}`;
    const health = JSON.parse(text) as { model?: unknown; version?: unknown };
    if (health.model !== model.name || health.version !== model.version) return `GET ${endpoint} says it serves ${String(health.model)}@${String(health.version)}, not ${modelLabel(model)}`;
    return undefined;
  } catch (error) {
    const reason = (error as Error).name === "TimeoutError" ? `no answer in ${timeoutMs} ms` : ((error as { cause?: Error }).cause?.message ?? (error as Error).message);
    return `GET ${endpoint} failed: ${reason}`;
  }
}
