import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { githubRequest, nextLink } from "../../src/github/githubRequest.ts";
import { startFakeGitHub, type FakeGitHub } from "./helpers/startFakeGitHub.ts";

describe("nextLink", () => {
  test.each([
    // GitHub's usual header: next and last
    { header: '<https://api.github.com/x?page=2>; rel="next", <https://api.github.com/x?page=5>; rel="last"', next: "https://api.github.com/x?page=2" },
    // the last page has prev and first only
    { header: '<https://api.github.com/x?page=1>; rel="prev", <https://api.github.com/x?page=1>; rel="first"', next: undefined },
    // no header at all
    { header: null, next: undefined },
  ])("$header", ({ header, next }) => {
    expect(nextLink(header)).toBe(next);
  });
});

describe("githubRequest", () => {
  let github: FakeGitHub;
  beforeAll(async () => {
    github = await startFakeGitHub({ token: "good", pullRequests: ["octo/docs#1"] });
  });
  afterAll(() => github.close());

  const request = (token: string, url: string) =>
    githubRequest({ method: "GET", url: `${github.apiUrl}${url}`, apiUrl: github.apiUrl, token, subject: "pull request octo/docs#1", fetch });

  test("sends the token and returns the parsed body", async () => {
    expect(await request("good", "/repos/octo/docs/issues/1/comments")).toEqual({ data: [], next: undefined });
    expect(github.requests.at(-1)).toMatchObject({ method: "GET", authorization: "Bearer good" });
  });

  test.each([
    { name: "401", token: "bad", url: "/repos/octo/docs/issues/1/comments", code: "EXEMPLAR_GITHUB_AUTH", message: /^the GitHub API at http:\/\/127\.0\.0\.1:\d+ refused the token \(HTTP 401: Bad credentials\); expected GITHUB_TOKEN to hold a valid token$/ },
    { name: "404", token: "good", url: "/repos/octo/docs/issues/2/comments", code: "EXEMPLAR_GITHUB_NOT_FOUND", message: /^pull request octo\/docs#1 not found at http:\/\/127\.0\.0\.1:\d+ \(HTTP 404: Not Found\); expected an existing repository/ },
  ])("$name gives one line with a stable code", async ({ token, url, code, message }) => {
    const error = await request(token, url).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "GitHubError", code });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
  });

  test("never sends the token to another origin", async () => {
    const seen: string[] = [];
    const spy = (async (input: URL) => {
      seen.push(String(input));
      return new Response("[]");
    }) as typeof fetch;
    await expect(githubRequest({ method: "GET", url: "http://127.0.0.2:1/x", apiUrl: github.apiUrl, token: "good", subject: "x", fetch: spy })).rejects.toThrow(
      /^refusing to send the token to http:\/\/127\.0\.0\.2:1: expected a URL on the GitHub API at http:\/\/127\.0\.0\.1:\d+$/,
    );
    expect(seen).toEqual([]);
  });

  test("an API nothing answers at is one line", async () => {
    const failing = (async () => {
      throw new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) });
    }) as typeof fetch;
    await expect(githubRequest({ method: "GET", url: `${github.apiUrl}/x`, apiUrl: github.apiUrl, token: "good", subject: "x", fetch: failing })).rejects.toMatchObject({
      code: "EXEMPLAR_GITHUB_UNREACHABLE",
      message: expect.stringMatching(/^cannot reach the GitHub API at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\); expected GITHUB_API_URL/),
    });
  });
});
