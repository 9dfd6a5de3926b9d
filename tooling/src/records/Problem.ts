import { formatPlace, type Place } from "./Example.ts";

/** Something wrong in a user's file, found without running anything. */
export interface Problem extends Place {
  message: string;
}

/** `examples/a.ts:3:5: message` */
export function formatProblem(problem: Problem): string {
  return `${formatPlace(problem)}: ${problem.message}`;
}
