/** Non-HTML files go first so that a page never references an asset that is not there yet. */
export type UploadPhase = "asset" | "page";

/** A local file the bucket lacks or holds with other content. */
export interface PlannedUpload {
  key: string;
  /** path relative to the site folder */
  path: string;
  absolutePath: string;
  size: number;
  md5: string;
  sha256: string;
  contentType: string;
  cacheControl: string;
  phase: UploadPhase;
  reason: "new" | "changed";
}

/** A local file whose content the bucket already holds under the same key. */
export interface UnchangedFile {
  key: string;
  path: string;
  size: number;
}

/** An object under the prefix that the build no longer has. */
export interface PlannedDelete {
  key: string;
  size: number;
}

/**
 * What a publish will do, in the order it does it: `uploads` lists every asset before every page,
 * and deletes run only once all uploads succeeded.
 */
export interface Plan {
  /** the normalised prefix every key starts with (`pr-12/`, or `` for the bucket root) */
  prefix: string;
  uploads: PlannedUpload[];
  unchanged: UnchangedFile[];
  deletes: PlannedDelete[];
}
