import { expect, it } from "vitest";
import { sourceUrl, type SourceLinks } from "../../src/vitepress/sourceUrl.ts";

const commit = "0123456789abcdef0123456789abcdef01234567";
const revision = { commit, date: "2025-06-01T09:30:00+02:00", localChanges: false };

it.each<[string, SourceLinks, typeof revision | undefined, string | undefined]>([
  // the config's address, as given
  ["config", { repository: "https://git.example/org/repo/blob/main/" }, revision, "https://git.example/org/repo/blob/main/examples/a b.ts#L7".replace(" ", "%20")],
  // the config's address wins over the remote's
  ["config over remote", { repository: "https://git.example/x", place: { prefix: "", webUrl: "https://github.com/org/repo" } }, revision, "https://git.example/x/examples/a%20b.ts#L7"],
  // `:commit` in the config's address
  ["config with :commit", { repository: "https://git.example/org/repo/src/:commit" }, revision, `https://git.example/org/repo/src/${commit}/examples/a%20b.ts#L7`],
  // `:commit` and no commit: no link rather than a wrong one
  ["config with :commit outside git", { repository: "https://git.example/org/repo/src/:commit" }, undefined, undefined],
  // the remote's file page at the commit, the project's folder in the repository before the file
  ["remote", { place: { prefix: "docs site/", webUrl: "https://github.com/org/repo" } }, revision, `https://github.com/org/repo/blob/${commit}/docs%20site/examples/a%20b.ts#L7`],
  // a remote whose host is not known
  ["no web address", { place: { prefix: "" } }, revision, undefined],
  // neither
  ["nothing", {}, revision, undefined],
])("%s", (_, links, at, expected) => {
  expect(sourceUrl("examples/a b.ts", 7, links, at)).toBe(expected);
});
