import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { PREVIEW_MARKER } from "../../src/github/formatPreviewComment.ts";
import { upsertPullRequestComment } from "../../src/github/upsertPullRequestComment.ts";
import { startFakeGitHub, type FakeGitHub } from "./helpers/startFakeGitHub.ts";

let github: FakeGitHub;
beforeAll(async () => {
  github = await startFakeGitHub({ token: "t0ken", pullRequests: ["octo/docs#7"] });
});
afterAll(() => github.close());
beforeEach(() => {
  github.comments.set("octo/docs#7", []);
  github.requests.length = 0;
  github.pageSize = 100;
});

const upsert = (body: string, options: { token?: string; pr?: number } = {}) =>
  upsertPullRequestComment({ apiUrl: github.apiUrl, token: options.token ?? "t0ken", repo: "octo/docs", pr: options.pr ?? 7, body });
const methods = () => github.requests.map(({ method, url }) => `${method} ${url}`);

describe("upsertPullRequestComment", () => {
  test("creates the comment when there is none, then updates it: never a second one", async () => {
    const first = await upsert(`${PREVIEW_MARKER}\nfirst`);
    expect(first).toEqual({ action: "created", id: 1000, url: "https://github.com/octo/docs/pull/7#issuecomment-1000" });
    const second = await upsert(`${PREVIEW_MARKER}\nsecond`);
    expect(second).toEqual({ action: "updated", id: 1000, url: first.url });
    expect(github.comments.get("octo/docs#7")!.map(({ body }) => body)).toEqual([`${PREVIEW_MARKER}\nsecond`]);
    expect(methods()).toEqual([
      "GET /repos/octo/docs/issues/7/comments?per_page=100",
      "POST /repos/octo/docs/issues/7/comments",
      "GET /repos/octo/docs/issues/7/comments?per_page=100",
      "PATCH /repos/octo/docs/issues/comments/1000",
    ]);
  });

  test("the same body again changes nothing", async () => {
    const created = await upsert(`${PREVIEW_MARKER}\nsame`);
    github.requests.length = 0;
    expect(await upsert(`${PREVIEW_MARKER}\nsame`)).toEqual({ ...created, action: "unchanged" });
    expect(methods()).toEqual(["GET /repos/octo/docs/issues/7/comments?per_page=100"]);
  });

  test("follows the pages to find the marked comment, ignoring comments that only quote it", async () => {
    const others = Array.from({ length: 5 }, (_, index) => ({ id: index + 1, body: `review ${index}`, html_url: `https://github.com/c/${index + 1}` }));
    const quote = { id: 6, body: `> ${PREVIEW_MARKER}\n> old`, html_url: "https://github.com/c/6" };
    const ours = { id: 7, body: `${PREVIEW_MARKER}\nold`, html_url: "https://github.com/c/7" };
    github.comments.set("octo/docs#7", [...others, quote, ours]);
    github.pageSize = 3;
    expect(await upsert(`${PREVIEW_MARKER}\nnew`)).toEqual({ action: "updated", id: 7, url: "https://github.com/c/7" });
    expect(methods()).toEqual([
      "GET /repos/octo/docs/issues/7/comments?per_page=100",
      "GET /repos/octo/docs/issues/7/comments?per_page=100&page=2",
      "GET /repos/octo/docs/issues/7/comments?per_page=100&page=3",
      "PATCH /repos/octo/docs/issues/comments/7",
    ]);
    expect(quote.body).toBe(`> ${PREVIEW_MARKER}\n> old`);
  });

  test("a body function gets the comment it replaces, or undefined when it creates one", async () => {
    const seen: (string | undefined)[] = [];
    const next = (previous: string | undefined) => {
      seen.push(previous);
      return `${PREVIEW_MARKER}\n${previous === undefined ? "first" : `after ${previous.split("\n")[1]}`}`;
    };
    const options = { apiUrl: github.apiUrl, token: "t0ken", repo: "octo/docs", pr: 7, body: next };
    expect((await upsertPullRequestComment(options)).action).toBe("created");
    expect((await upsertPullRequestComment(options)).action).toBe("updated");
    expect(seen).toEqual([undefined, `${PREVIEW_MARKER}\nfirst`]);
    expect(github.comments.get("octo/docs#7")!.map(({ body }) => body)).toEqual([`${PREVIEW_MARKER}\nafter first`]);
  });

  test("a body function whose result lacks the marker is refused before anything is written", async () => {
    await expect(upsertPullRequestComment({ apiUrl: github.apiUrl, token: "t0ken", repo: "octo/docs", pr: 7, body: () => "no marker" })).rejects.toThrow(/^the comment body lacks the marker <!-- exemplar-preview -->/);
    expect(methods()).toEqual(["GET /repos/octo/docs/issues/7/comments?per_page=100"]);
  });

  test("refuses a body without the marker before any request", async () => {
    await expect(upsert("no marker")).rejects.toThrow(/^the comment body lacks the marker <!-- exemplar-preview -->/);
    expect(github.requests).toEqual([]);
  });

  test.each([
    { name: "401: a bad token", options: { token: "wrong" }, code: "EXEMPLAR_GITHUB_AUTH", message: /refused the token \(HTTP 401: Bad credentials\)/ },
    { name: "404: an unknown pull request", options: { pr: 8 }, code: "EXEMPLAR_GITHUB_NOT_FOUND", message: /^pull request octo\/docs#8 not found at / },
  ])("$name creates nothing", async ({ options, code, message }) => {
    await expect(upsert(`${PREVIEW_MARKER}\nx`, options)).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    expect(methods()).toEqual([`GET /repos/octo/docs/issues/${options.pr ?? 7}/comments?per_page=100`]);
  });
});
