/** The commit a run ran at, as a mark on the site names it. */
export interface Revision {
  /** the full hash of HEAD */
  commit: string;
  /** the commit's committer date, ISO 8601 in the committer's time zone (`2025-06-01T09:30:00+02:00`) */
  date: string;
  /** whether the working tree differed from the commit: a tracked file changed, staged or not, or a file git does not ignore was added */
  localChanges: boolean;
}
