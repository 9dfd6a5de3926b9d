/** An `@expect` block `--update` rewrote, or one it would not (with why). */
export interface ExpectUpdate {
  key: string;
  file: string;
  line: number;
  reason?: string;
}

export interface ExpectUpdates {
  updated: ExpectUpdate[];
  notUpdated: Array<Required<ExpectUpdate>>;
}
