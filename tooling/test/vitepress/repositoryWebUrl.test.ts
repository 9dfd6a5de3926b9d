import { expect, it } from "vitest";
import { repositoryWebUrl } from "../../src/vitepress/repositoryWebUrl.ts";

it.each([
  // scp-like ssh
  ["git@github.com:org/repo.git", "https://github.com/org/repo"],
  // https, with a token that must never reach a page
  ["https://x-access-token:ghs_secret@github.com/org/repo.git", "https://github.com/org/repo"],
  // https as actions/checkout leaves it, without .git
  ["https://github.com/org/repo", "https://github.com/org/repo"],
  // ssh URL with a port: the web page has none
  ["ssh://git@gitlab.example.com:2222/group/sub/repo.git", "https://gitlab.example.com/group/sub/repo"],
  // a trailing slash and upper-case host
  ["https://Codeberg.org/org/repo/", "https://codeberg.org/org/repo"],
  // a host whose file pages are not known
  ["https://bitbucket.org/org/repo.git", undefined],
  // a local path, a file URL
  ["/srv/git/repo.git", undefined],
  ["file:///srv/git/repo.git", undefined],
  // a host with no repository path
  ["https://github.com/", undefined],
])("%s", (remote, expected) => {
  expect(repositoryWebUrl(remote)).toBe(expected);
});
