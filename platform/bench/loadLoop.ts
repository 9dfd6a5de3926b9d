/**
 * `inFlight` loops, each calling `call` again as soon as it answers, until `durationMs` has
 * passed: the latency of every call, sorted, and how many answered other than 200. The loopback
 * load of bench:serving (POST /predict) and bench:registry (GET pages).
 */
export async function loadLoop(inFlight: number, durationMs: number, call: (index: number) => Promise<number>): Promise<{ latencies: number[]; failures: number }> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const stopAt = performance.now() + durationMs;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < stopAt) {
        const index = next++;
        const started = performance.now();
        const status = await call(index);
        latencies.push(performance.now() - started);
        if (status !== 200) failures++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { latencies, failures };
}
