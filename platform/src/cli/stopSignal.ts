/** Resolves on the first SIGINT or SIGTERM: how long-running commands (registry, serve) know to stop. */
export function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
}
