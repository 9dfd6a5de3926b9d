import type { CommandIo } from "./Command.ts";

/**
 * Progress for long runs: a live line on an interactive terminal, a plain line every few
 * seconds elsewhere (CI logs), nothing for runs that finish quickly.
 */
export function createProgress(io: CommandIo, intervalMs = 2000) {
  const live = io.isTTY && !io.env.CI;
  const started = Date.now();
  let lastPlain = started;
  let shown = false;
  return {
    update(done: number, total: number) {
      const now = Date.now();
      if (live) {
        if (now - started < 200 && done < total) return;
        io.stderr(`\r\x1b[K  ${done}/${total} examples`);
        shown = true;
      } else if (now - lastPlain >= intervalMs) {
        io.stderr(`exemplar: ${done}/${total} examples done\n`);
        lastPlain = now;
      }
    },
    done() {
      if (shown) io.stderr("\r\x1b[K");
    },
  };
}
