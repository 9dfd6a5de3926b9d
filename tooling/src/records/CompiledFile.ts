/**
 * A file's JavaScript made by the CLI from the text it parsed (see `fast/blankTypes.ts`), for a
 * worker to import instead of reading and compiling the file itself: what runs is the text the
 * examples were found in, even when the file changed since.
 */
export interface CompiledFile {
  /** absolute path of the TypeScript file */
  file: string;
  code: string;
  /**
   * `code` is TypeScript for the loader to compile as it would the file (a file blanking cannot
   * make, whose `//=>` checks are instrumented: see run/inlineCheckedFiles.ts)
   */
  typescript?: true;
}
