/** A line the worker writes to its mirror descriptor (see workerCapture.ts). */
type MirrorLine =
  | { key: string; stream: "stdout" | "stderr"; text: string }
  | { key: string; phase: "importing" | "imported"; file: string };

/**
 * What the pool reads of a worker's mirror descriptor: the output of the examples, as they
 * write it, and the file being imported, if any. Both survive the worker: they explain a
 * hang or a crash.
 */
export class WorkerMirror {
  /** mirrored output by example key: it may arrive before the previous example's result */
  private readonly output = new Map<string, { stdout: string; stderr: string }>();
  private pending = "";
  /** the absolute path of the file whose top-level code is running now, if any */
  importing: string | undefined;
  /** called when a file starts or ends loading */
  onPhase: ((phase: "importing" | "imported") => void) | undefined;

  read(chunk: Buffer): void {
    const lines = (this.pending + chunk.toString()).split("\n");
    this.pending = lines.pop()!;
    for (const text of lines) {
      const line = JSON.parse(text) as MirrorLine;
      if ("phase" in line) {
        this.importing = line.phase === "importing" ? line.file : undefined;
        this.onPhase?.(line.phase);
        continue;
      }
      const output = this.output.get(line.key) ?? { stdout: "", stderr: "" };
      output[line.stream] += line.text;
      this.output.set(line.key, output);
    }
  }

  /** What the example printed, as far as it was mirrored. */
  printed(key: string): { stdout: string; stderr: string } {
    return this.output.get(key) ?? { stdout: "", stderr: "" };
  }

  forget(key: string): void {
    this.output.delete(key);
  }
}
