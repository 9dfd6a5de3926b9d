// The compiler as a default export, for ts-blank-space's `import ts from "typescript"`: the CLI's
// bundle (scripts/build.js) and the tests (vitest.config.ts) point that import here, so that it
// shares the compiler loaded with its code cache (see typescript.ts) instead of importing a
// second copy, which Node would first scan whole for named exports.
import { ts } from "./typescript.ts";

export default ts;
