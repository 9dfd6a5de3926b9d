/**
 * Codes are stable: scripts and tests match on them, messages may improve.
 */
export type ExemplarErrorCode =
  | "EXEMPLAR_CONFIG_NOT_FOUND"
  | "EXEMPLAR_CONFIG_INVALID"
  | "EXEMPLAR_SETUP_NOT_FOUND"
  | "EXEMPLAR_SETUP_FAILED"
  | "EXEMPLAR_FILES_NOT_FOUND"
  | "EXEMPLAR_INVALID_EXAMPLES"
  | "EXEMPLAR_USAGE"
  | "EXEMPLAR_UPDATE_FAILED"
  | "EXEMPLAR_WRITE_FAILED"
  | "EXEMPLAR_DOCS_NOT_FOUND"
  | "EXEMPLAR_PUBLISH_PREFIX"
  | "EXEMPLAR_PUBLISH_DIR"
  | "EXEMPLAR_PUBLISH_SYMLINK"
  | "EXEMPLAR_PUBLISH_BASE_MISMATCH"
  | "EXEMPLAR_PUBLISH_BUCKET_NOT_FOUND"
  | "EXEMPLAR_PUBLISH_UNREACHABLE"
  | "EXEMPLAR_PUBLISH_TIMEOUT"
  | "EXEMPLAR_PUBLISH_CREDENTIALS"
  | "EXEMPLAR_PUBLISH_REMOTE"
  | "EXEMPLAR_PUBLISH_FAILED"
  | "EXEMPLAR_PUBLISH_SDK_MISSING";

/**
 * An error the user can act on: `message` says what value was wrong, where and what was
 * expected; `shortMessage` is one line for terminals; `cause` keeps the underlying error.
 */
export class ExemplarError extends Error {
  override name = "ExemplarError";
  readonly code: ExemplarErrorCode;
  readonly shortMessage: string;

  constructor(code: ExemplarErrorCode, message: string, options: { cause?: unknown; shortMessage?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.shortMessage = options.shortMessage ?? message.split("\n")[0]!;
  }
}
