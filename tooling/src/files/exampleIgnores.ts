/** What the example globs never match: installed packages and type declarations. */
export const exampleIgnores = ["**/node_modules/**", "**/*.d.ts"];
