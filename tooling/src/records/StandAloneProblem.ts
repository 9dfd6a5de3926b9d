import type { Place } from "./Example.ts";
import type { Problem } from "./Problem.ts";

/**
 * A name that an example's shown snippet uses and that nothing shown declares or imports and
 * no global provides: the code a reader copies from the page fails there. Its place is the
 * first shown use.
 */
export interface StandAloneProblem extends Problem {
  column: number;
  /** the example whose snippet it is */
  key: string;
  /** the name */
  name: string;
  /**
   * where the example file declares it, when it does: on a hidden line of the example
   * (`hidden`), or outside the example's body (`outside`: the file's top level, the function's
   * parameters)
   */
  declared?: Place & { where: "hidden" | "outside" };
  /** the code blocks of the pages that show the snippet (the opening fence's line), when the check read the docs */
  shownIn?: Place[];
}
