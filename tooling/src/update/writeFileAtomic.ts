import { rename, writeFile } from "node:fs/promises";
import path from "node:path";

/** Writes through a temporary file in the same folder, then renames it over the target. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await writeFile(temporary, text);
  await rename(temporary, file);
}
