/** Stable codes: scripts and tests match on them, messages may improve. */
export type GitHubErrorCode =
  | "EXEMPLAR_GITHUB_AUTH"
  | "EXEMPLAR_GITHUB_FORBIDDEN"
  | "EXEMPLAR_GITHUB_NOT_FOUND"
  | "EXEMPLAR_GITHUB_UNREACHABLE"
  | "EXEMPLAR_GITHUB_REQUEST";

/**
 * A GitHub API request that failed, said in one line: what was asked of which API, the HTTP
 * status and GitHub's message, and what was expected. Shaped as `ExemplarError` (code,
 * shortMessage, cause) but kept apart so the engine's error codes stay the engine's.
 */
export class GitHubError extends Error {
  override name = "GitHubError";
  readonly code: GitHubErrorCode;
  readonly shortMessage: string;
  /** the HTTP status, when GitHub answered */
  readonly status: number | undefined;

  constructor(code: GitHubErrorCode, message: string, options: { cause?: unknown; status?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.shortMessage = message.split("\n")[0]!;
    this.status = options.status;
  }
}
