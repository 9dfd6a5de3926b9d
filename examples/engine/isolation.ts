import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openProject, resolveConfig, runExamples } from "@exemplar/tooling";

/**
 * What one example does to its process is its own verdict, never a neighbour's. This project
 * has an example that replaces `console.log`, one whose timer kills its worker after it
 * returned, and a file whose top-level code exits, each beside good examples, run with one
 * worker at a time.
 * @example engine.isolation
 * @timeout 20000
 * @expect
 * exits.one failed: examples/exits.ts called process.exit(1) in its top-level code; a file of examples must not exit
 * exits.two failed: examples/exits.ts called process.exit(1) in its top-level code; a file of examples must not exit
 * good.after passed
 * good.before passed
 * rude.mute passed
 * rude.timer failed: after it returned, what it left running (1 Timeout) ended its worker (killed by SIGKILL); end the timers, servers and processes an example starts before it returns
 */
export async function isolation() {
  const root = mkdtempSync(path.join(tmpdir(), "exemplar-isolation-"));
  mkdirSync(path.join(root, "examples"));
  writeFileSync(path.join(root, "package.json"), '{ "type": "module" }');
  const example = (key: string, body: string) => `/**\n * @example ${key}\n * @timeout 1000\n * @expect\n * ${key}\n */\nexport function ${key.split(".")[1]}() { console.log("${key}"); ${body} }\n`;
  const files = {
    "rude.ts": example("rude.mute", "console.log = () => {};") + example("rude.timer", 'setTimeout(() => process.kill(process.pid, "SIGKILL"), 50);'),
    "good.ts": example("good.before", "") + example("good.after", ""),
    "exits.ts": "process.exit(1);\n" + example("exits.one", "") + example("exits.two", ""),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, "examples", name), text);
  const run = await runExamples(await openProject(resolveConfig({ examples: ["examples/*.ts"], jobs: 1 }, root)));
  for (const verdict of [...run.verdicts].sort((a, b) => a.example.key.localeCompare(b.example.key))) {
    const reason = verdict.failures.map((failure) => failure.message).join("; ");
    console.log(`${verdict.example.key} ${verdict.status}${reason ? `: ${reason}` : ""}`);
  }
  rmSync(root, { recursive: true, force: true });
}
