import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Project } from "../records/Project.ts";
import type { Run } from "../records/Run.ts";
import type { ExpectUpdates } from "../records/ExpectUpdate.ts";
import type { Verdict } from "../records/Verdict.ts";
import { applyLineEdits, type LineEdit } from "./applyLineEdits.ts";
import { planExpectUpdate } from "./planExpectUpdate.ts";
import { writeFileAtomic } from "../files/writeFileAtomic.ts";

/**
 * `check --update`: rewrites each failing `@expect` block of the run with what the example
 * printed, atomically, from the bottom of each file up. A file edited on disk since the project
 * read it is left alone: rewriting it would lose the writer's edit.
 */
export async function updateExpectations(project: Project, run: Run): Promise<ExpectUpdates> {
  const result: ExpectUpdates = { updated: [], notUpdated: [] };
  const texts = new Map(project.sources.map((source) => [source.file, source.text]));
  const byFile = new Map<string, Array<{ verdict: Verdict; edit: LineEdit }>>();
  for (const verdict of run.verdicts) {
    const { example } = verdict;
    const plan = planExpectUpdate(verdict, texts.get(example.file)!);
    if (plan === undefined) continue;
    if (typeof plan === "string") {
      result.notUpdated.push({ key: example.key, file: example.file, line: example.line, reason: plan });
      continue;
    }
    byFile.set(example.file, [...(byFile.get(example.file) ?? []), { verdict, edit: plan }]);
  }
  for (const [file, edits] of byFile) {
    const absolute = path.join(project.config.root, file);
    const current = await readFile(absolute, "utf8");
    if (current !== texts.get(file)) {
      for (const { verdict } of edits) {
        result.notUpdated.push({ key: verdict.example.key, file, line: verdict.example.line, reason: "not updated: the file changed during the run" });
      }
      continue;
    }
    await writeFileAtomic(absolute, applyLineEdits(current, edits.map(({ edit }) => edit)));
    for (const { verdict } of edits) result.updated.push({ key: verdict.example.key, file, line: verdict.example.line });
  }
  return result;
}
