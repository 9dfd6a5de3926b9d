import { describe, expect, test } from "vitest";
import { exitCodes } from "../../src/cli/exitCodes.ts";

// every row pins one code's exit code on purpose: a change here changes what CI scripts see
const rows: Array<{ code: keyof typeof exitCodes; exitCode: 1 | 2 }> = [
  // check, list, splice: the config and setup, before any example runs (2 through main.ts before the table)
  { code: "EXEMPLAR_CONFIG_NOT_FOUND", exitCode: 2 },
  { code: "EXEMPLAR_CONFIG_INVALID", exitCode: 2 },
  { code: "EXEMPLAR_SETUP_NOT_FOUND", exitCode: 2 },
  { code: "EXEMPLAR_SETUP_FAILED", exitCode: 2 },
  // check, list, splice: the example files and the docs folder
  { code: "EXEMPLAR_FILES_NOT_FOUND", exitCode: 2 },
  { code: "EXEMPLAR_INVALID_EXAMPLES", exitCode: 2 },
  { code: "EXEMPLAR_DOCS_NOT_FOUND", exitCode: 2 },
  // thrown by none today; 2 as main.ts gave every ExemplarError of check and splice
  { code: "EXEMPLAR_UPDATE_FAILED", exitCode: 2 },
  // splice --write, check --update and report files: a write in place that failed half way
  { code: "EXEMPLAR_WRITE_FAILED", exitCode: 1 },
  // every command: a flag or its value (publish's and unpublish's USAGE_CODES, pr-comment's check)
  { code: "EXEMPLAR_USAGE", exitCode: 2 },
  // publish and unpublish refuse the prefix before any request (in both USAGE_CODES)
  { code: "EXEMPLAR_PUBLISH_PREFIX", exitCode: 2 },
  // publish refuses the site folder and its VitePress base before any request (publish's USAGE_CODES)
  { code: "EXEMPLAR_PUBLISH_DIR", exitCode: 2 },
  // publish refuses a symlink out of the site (or in a loop) before any upload
  { code: "EXEMPLAR_PUBLISH_SYMLINK", exitCode: 2 },
  { code: "EXEMPLAR_PUBLISH_BASE_MISMATCH", exitCode: 2 },
  // publish and unpublish: what the bucket answered (outside both USAGE_CODES)
  { code: "EXEMPLAR_PUBLISH_BUCKET_NOT_FOUND", exitCode: 1 },
  { code: "EXEMPLAR_PUBLISH_UNREACHABLE", exitCode: 1 },
  { code: "EXEMPLAR_PUBLISH_TIMEOUT", exitCode: 1 },
  { code: "EXEMPLAR_PUBLISH_CREDENTIALS", exitCode: 1 },
  { code: "EXEMPLAR_PUBLISH_REMOTE", exitCode: 1 },
  // thrown by none today; a failed publish exits 1
  { code: "EXEMPLAR_PUBLISH_FAILED", exitCode: 1 },
  // publish and unpublish without the AWS SDK installed: installing it fixes it, nothing was sent
  { code: "EXEMPLAR_PUBLISH_SDK_MISSING", exitCode: 2 },
  // pr-comment: what the GitHub API answered (every GitHubError exited 1)
  { code: "EXEMPLAR_GITHUB_AUTH", exitCode: 1 },
  { code: "EXEMPLAR_GITHUB_FORBIDDEN", exitCode: 1 },
  { code: "EXEMPLAR_GITHUB_NOT_FOUND", exitCode: 1 },
  { code: "EXEMPLAR_GITHUB_UNREACHABLE", exitCode: 1 },
  { code: "EXEMPLAR_GITHUB_REQUEST", exitCode: 1 },
];

describe("exitCodes", () => {
  test.each(rows)("$code exits $exitCode", ({ code, exitCode }) => {
    expect(exitCodes[code]).toBe(exitCode);
  });

  test("the rows above are every code in the table, each once", () => {
    expect(rows.map(({ code }) => code).sort()).toEqual(Object.keys(exitCodes).sort());
  });
});
