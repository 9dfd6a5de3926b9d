/** One place where a page shows an example. */
export interface ExampleUsage {
  file: string;
  line: number;
  kind: "code" | "output";
  /** the nearest heading above the block */
  heading?: string;
}
