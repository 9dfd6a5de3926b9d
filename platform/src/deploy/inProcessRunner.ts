import type { Registry } from "../client/Registry.ts";
import { loadServable } from "../serving/loadServable.ts";
import { serve, type RunningService, type ServeOptions } from "../serving/serve.ts";
import { checkServiceHealth } from "./checkServiceHealth.ts";
import type { ServiceRunner } from "./ServiceRunner.ts";

export interface InProcessRunner extends ServiceRunner {
  /** the services running in this process, by service name */
  readonly services: ReadonlyMap<string, RunningService>;
  /** stops every service */
  close(): Promise<void>;
}

/**
 * A runner that serves each rule's model in this process with `serve` (on the rule's port, or a
 * free one): for tests, docs and a single long-running process that reconciles on a timer. A
 * restart starts the new version first and stops the old one once the new one serves, unless both
 * need the same fixed port. `check` finds a service unhealthy when this process does not run it
 * or its `/healthz` does not answer 200 for its model.
 */
export function inProcessRunner(registry: Pick<Registry, "get" | "find" | "artifact">, options: Omit<ServeOptions, "state" | "port" | "service"> = {}): InProcessRunner {
  const services = new Map<string, RunningService>();
  return {
    services,
    async check(rule) {
      const service = services.get(rule.service);
      return service ? checkServiceHealth(service.url, rule.running) : "this process does not run it";
    },
    async deploy(rule, model) {
      const { envelope, state } = await loadServable(registry, { name: model.name, version: model.version });
      const previous = services.get(rule.service);
      if (previous && rule.port !== null) await previous.close();
      services.set(rule.service, await serve(envelope, { ...options, state, port: rule.port ?? 0, service: rule.service }));
      if (previous && rule.port === null) await previous.close();
    },
    async close() {
      await Promise.all([...services.values()].map((service) => service.close()));
      services.clear();
    },
  };
}
