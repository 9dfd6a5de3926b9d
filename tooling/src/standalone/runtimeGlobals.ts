let globals: ReadonlySet<string> | undefined;

/**
 * The names of the globals of this Node process (`console`, `process`, `fetch`, `URL`,
 * `setTimeout`...): the examples run on the same Node, in ES modules, so a snippet may use these
 * and no others. CommonJS's `require` and `__dirname` are not among them. Read once.
 */
export function runtimeGlobals(): ReadonlySet<string> {
  globals ??= new Set(Object.getOwnPropertyNames(globalThis));
  return globals;
}
