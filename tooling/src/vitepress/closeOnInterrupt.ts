// Vite closes its dev server on SIGTERM (and waits for the plugins' `closeBundle`), but not on
// Ctrl-C: for SIGINT and SIGHUP Node's default is to exit at once, and a setup started for the
// writer's loop (a registry with its temp folder) would outlive the server
const signals = ["SIGINT", "SIGHUP"] as const;

/**
 * On the first SIGINT or SIGHUP, runs `close` (the dev server's `close`, which runs the plugins'
 * `closeBundle`), then raises the signal again, without this listener: the process ends as it
 * would have (exit status 128 + the signal's number), only later. A second signal during `close`
 * finds no listener of ours: Node's default ends the process at once. Returns the function that
 * stops listening, for a server closed otherwise.
 */
export function closeOnInterrupt(close: () => Promise<unknown>): () => void {
  const stop = () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    stop();
    // raised again even when other listeners remain: a listener such as signal-exit's leaves
    // the exit to others when it is not alone, and none would end the process
    void close()
      .catch(() => {})
      .finally(() => process.kill(process.pid, signal));
  };
  for (const signal of signals) process.on(signal, onSignal);
  return stop;
}
