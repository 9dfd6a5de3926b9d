/** A file as read: its path (relative to the project root, with `/` separators, as messages show it) and its text. */
export interface SourceText {
  file: string;
  text: string;
  /** an example file that runs with CommonJS's `require`, `__filename` and `__dirname` (see `isCommonJsFile`) */
  commonjs?: true;
}
