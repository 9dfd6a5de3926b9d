import { GitHubError } from "./GitHubError.ts";

/** One call to the GitHub REST API. */
export interface GitHubRequest {
  method: "GET" | "POST" | "PATCH";
  /** the full URL; must be on the origin of `apiUrl` */
  url: string;
  /** the API's base URL (`https://api.github.com`, or GITHUB_API_URL on GitHub Enterprise) */
  apiUrl: string;
  token: string;
  /** sent as JSON */
  body?: unknown;
  /** what the request is about, for messages: `pull request octo/docs#12` */
  subject: string;
  fetch: typeof globalThis.fetch;
}

/** A successful response: the parsed JSON body and the `Link` header's `rel="next"` URL. */
export interface GitHubResponse {
  data: unknown;
  next: string | undefined;
}

/**
 * Sends one request with the token and GitHub's JSON media type, and turns every failure into a
 * one-line `GitHubError`: 401 (`EXEMPLAR_GITHUB_AUTH`), 403 (`..._FORBIDDEN`, with the usual
 * reason: a read-only token on a fork's pull request), 404 (`..._NOT_FOUND`), no answer
 * (`..._UNREACHABLE`), anything else (`..._REQUEST`). The token only ever goes to `apiUrl`'s
 * origin, so a `Link` header pointing elsewhere cannot leak it.
 */
export async function githubRequest(request: GitHubRequest): Promise<GitHubResponse> {
  const origin = new URL(request.apiUrl).origin;
  const target = new URL(request.url);
  if (target.origin !== origin) {
    throw new GitHubError("EXEMPLAR_GITHUB_REQUEST", `refusing to send the token to ${target.origin}: expected a URL on the GitHub API at ${origin}`);
  }
  let response: Response;
  try {
    response = await request.fetch(target, {
      method: request.method,
      headers: {
        accept: "application/vnd.github+json",
        authorization: `Bearer ${request.token}`,
        "x-github-api-version": "2022-11-28",
        "user-agent": "exemplar",
        ...(request.body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new GitHubError("EXEMPLAR_GITHUB_UNREACHABLE", `cannot reach the GitHub API at ${origin} (${cause}); expected GITHUB_API_URL to be the API's URL`, { cause: error });
  }
  const text = await response.text();
  if (!response.ok) throw failure(request, origin, response.status, messageOf(text));
  let data: unknown;
  try {
    data = text === "" ? undefined : JSON.parse(text);
  } catch (error) {
    throw new GitHubError("EXEMPLAR_GITHUB_REQUEST", `${request.method} ${target.pathname} at ${origin} answered HTTP ${response.status} with a body that is not JSON`, { cause: error, status: response.status });
  }
  return { data, next: nextLink(response.headers.get("link")) };
}

function failure(request: GitHubRequest, origin: string, status: number, message: string): GitHubError {
  const answer = `HTTP ${status}${message ? `: ${message}` : ""}`;
  if (status === 401) {
    return new GitHubError("EXEMPLAR_GITHUB_AUTH", `the GitHub API at ${origin} refused the token (${answer}); expected GITHUB_TOKEN to hold a valid token`, { status });
  }
  if (status === 403) {
    return new GitHubError(
      "EXEMPLAR_GITHUB_FORBIDDEN",
      `the token may not comment on ${request.subject} (${answer}); expected a token with pull-requests: write (a fork's pull request gets a read-only token)`,
      { status },
    );
  }
  if (status === 404) {
    return new GitHubError("EXEMPLAR_GITHUB_NOT_FOUND", `${request.subject} not found at ${origin} (${answer}); expected an existing repository and pull request that the token can see`, { status });
  }
  return new GitHubError("EXEMPLAR_GITHUB_REQUEST", `${request.method} ${new URL(request.url).pathname} at ${origin} failed (${answer})`, { status });
}

/** GitHub's error bodies are `{ "message": "Bad credentials", ... }`. */
function messageOf(text: string): string {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === "object" && body !== null && "message" in body && typeof body.message === "string") return body.message.split("\n")[0]!;
  } catch {
    // not JSON: a proxy's HTML page; its first line says little, so say nothing
  }
  return "";
}

/** The `rel="next"` URL of a `Link` header: `<https://api.github.com/...&page=2>; rel="next", <...>; rel="last"`. */
export function nextLink(header: string | null): string | undefined {
  if (header === null) return undefined;
  for (const part of header.split(",")) {
    const match = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part);
    if (match?.[2]!.split(/\s+/).includes("next")) return match[1];
  }
  return undefined;
}
