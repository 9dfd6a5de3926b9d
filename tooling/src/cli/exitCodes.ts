import type { ExemplarErrorCode } from "../errors/ExemplarError.ts";
import type { GitHubErrorCode } from "../github/GitHubError.ts";

/**
 * The exit code of every known error code, the same for every command: 2 when the command
 * refused before doing its work and a change of flags, config or files fixes it; 1 when the work
 * was attempted and a remote (S3, GitHub) or a write failed. A `Record` over both code unions, so
 * a new code does not compile until it has its row here. Errors without a code exit 2 (see
 * `describeCommandError`).
 */
export const exitCodes: Readonly<Record<ExemplarErrorCode | GitHubErrorCode, 1 | 2>> = {
  // the config and setup the user points at: fixed by editing the project, nothing ran
  EXEMPLAR_CONFIG_NOT_FOUND: 2,
  EXEMPLAR_CONFIG_INVALID: 2,
  EXEMPLAR_SETUP_NOT_FOUND: 2,
  // the setup module is the user's configuration code: check has run no example when it fails
  EXEMPLAR_SETUP_FAILED: 2,
  // the example files the globs name, and their tags: nothing ran
  EXEMPLAR_FILES_NOT_FOUND: 2,
  EXEMPLAR_INVALID_EXAMPLES: 2,
  // flags and their values, in every command
  EXEMPLAR_USAGE: 2,
  // thrown by none today; 2 is what main.ts gave every ExemplarError of check and splice, where
  // an update would fail, and an engine change should not move its exit code unseen
  EXEMPLAR_UPDATE_FAILED: 2,
  EXEMPLAR_DOCS_NOT_FOUND: 2,
  // a user's file written in place (to keep its hard links or owner) failed half way: the work was attempted
  EXEMPLAR_WRITE_FAILED: 1,
  // publish and unpublish refuse these before sending any request
  EXEMPLAR_PUBLISH_PREFIX: 2,
  EXEMPLAR_PUBLISH_DIR: 2,
  // a symlink in the site that leads out of it, or in a loop
  EXEMPLAR_PUBLISH_SYMLINK: 2,
  EXEMPLAR_PUBLISH_BASE_MISMATCH: 2,
  // the bucket's answers: the flags looked right, the remote said no or was not there
  EXEMPLAR_PUBLISH_BUCKET_NOT_FOUND: 1,
  EXEMPLAR_PUBLISH_UNREACHABLE: 1,
  EXEMPLAR_PUBLISH_TIMEOUT: 1,
  EXEMPLAR_PUBLISH_CREDENTIALS: 1,
  EXEMPLAR_PUBLISH_REMOTE: 1,
  // thrown by none today; a publish whose requests failed exits 1, as its summary does
  EXEMPLAR_PUBLISH_FAILED: 1,
  // the AWS SDK is an optional peer dependency: installing it fixes this, and nothing was sent
  EXEMPLAR_PUBLISH_SDK_MISSING: 2,
  // pr-comment's GitHub API answers: the flags passed their checks, the API refused or failed
  EXEMPLAR_GITHUB_AUTH: 1,
  EXEMPLAR_GITHUB_FORBIDDEN: 1,
  EXEMPLAR_GITHUB_NOT_FOUND: 1,
  EXEMPLAR_GITHUB_UNREACHABLE: 1,
  EXEMPLAR_GITHUB_REQUEST: 1,
};
