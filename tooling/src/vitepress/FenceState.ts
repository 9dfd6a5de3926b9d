import type { Revision } from "./readRevision.ts";

/**
 * What the site says of one keyed block. It is worked out when the page is spliced and travels
 * in the spliced text (see `embedFenceStates`), so that the HTML VitePress renders, and caches
 * by that text, is a function of the run the block was filled from and of nothing else. Plain
 * data: it is serialized into the page.
 */
export interface FenceState {
  kind: "code" | "output";
  key: string;
  /**
   * `verified`: the example passed in the run the block is filled from; `failed`: it failed,
   * or the block cannot be filled (unknown key, its file has problems); `unverified`: nothing
   * ran it (`@skip`)
   */
  status: "verified" | "failed" | "unverified";
  /** why the block could not be filled */
  problem?: string;
  /** why the example failed: each reason and its diff */
  failures?: { message: string; diff?: string }[];
  /** what the failed example wrote to stderr */
  stderr?: string;
  /** why nothing ran it: the `@skip` reason */
  skipped?: string;
  /** where the example is (`examples/greet.ts:6`), and its web address when one is known */
  source?: { place: string; url?: string };
  /**
   * an output block shows what an earlier run printed (the page's committed text): this run's
   * output differed only in `{...}` spans, and passed the same checks (see `keepShownOutput`)
   */
  earlier?: boolean;
  /** the commit the passing run ran at; absent when the project is not in a git repository */
  revision?: Revision;
}
