import { GitHubError } from "./GitHubError.ts";
import { githubRequest } from "./githubRequest.ts";
import { PREVIEW_MARKER } from "./formatPreviewComment.ts";

/** Where to put which comment. */
export interface UpsertCommentOptions {
  /** the REST API's base URL: `https://api.github.com`, or GITHUB_API_URL */
  apiUrl: string;
  token: string;
  /** `owner/name` */
  repo: string;
  /** the pull request's number */
  pr: number;
  /**
   * the comment's Markdown; must contain `marker` so the next run finds it. A function gets the
   * body of the comment it replaces (undefined when there is none yet), for a comment that
   * carries something over from the last one.
   */
  body: string | ((previous: string | undefined) => string);
  /** the hidden line that marks the comment as ours (default `<!-- exemplar-preview -->`) */
  marker?: string | undefined;
  fetch?: typeof globalThis.fetch | undefined;
}

/** What happened to the comment: `unchanged` when it already had this body. */
export interface UpsertCommentResult {
  action: "created" | "updated" | "unchanged";
  id: number;
  /** the comment's page on GitHub */
  url: string;
}

// 100 comments a page, at most 100 pages: a runaway pagination stops well before a rate limit
const MAX_PAGES = 100;

/**
 * Keeps one comment on a pull request: lists its issue comments (every page), and updates the
 * first whose body starts with the marker, or creates one. A body that is already there is left
 * alone. A string body without the marker is refused before any request; a function's result
 * is checked once it is known. Throws `GitHubError` (one line: 401, 403, 404, unreachable) on the first failed request.
 */
export async function upsertPullRequestComment(options: UpsertCommentOptions): Promise<UpsertCommentResult> {
  const marker = options.marker ?? PREVIEW_MARKER;
  const bodyAfter = (previous: string | undefined) => {
    const body = typeof options.body === "string" ? options.body : options.body(previous);
    if (!body.includes(marker)) {
      throw new GitHubError("EXEMPLAR_GITHUB_REQUEST", `the comment body lacks the marker ${marker}; without it the next run would add a second comment`);
    }
    return body;
  };
  if (typeof options.body === "string") bodyAfter(undefined);
  const apiUrl = options.apiUrl.replace(/\/+$/, "");
  const base = { apiUrl, token: options.token, subject: `pull request ${options.repo}#${options.pr}`, fetch: options.fetch ?? globalThis.fetch };
  const repoPath = `${apiUrl}/repos/${options.repo}`;

  let url: string | undefined = `${repoPath}/issues/${options.pr}/comments?per_page=100`;
  for (let page = 0; url !== undefined && page < MAX_PAGES; page += 1) {
    const { data, next } = await githubRequest({ ...base, method: "GET", url });
    const existing = comments(data).find((comment) => comment.body.trimStart().startsWith(marker));
    if (existing) {
      const body = bodyAfter(existing.body);
      if (existing.body === body) return { action: "unchanged", id: existing.id, url: existing.html_url };
      const { data: updated } = await githubRequest({ ...base, method: "PATCH", url: `${repoPath}/issues/comments/${existing.id}`, body: { body } });
      return { action: "updated", ...identity(updated) };
    }
    url = next;
  }
  const { data: created } = await githubRequest({ ...base, method: "POST", url: `${repoPath}/issues/${options.pr}/comments`, body: { body: bodyAfter(undefined) } });
  return { action: "created", ...identity(created) };
}

interface Comment {
  id: number;
  body: string;
  html_url: string;
}

function comments(data: unknown): Comment[] {
  if (!Array.isArray(data)) throw new GitHubError("EXEMPLAR_GITHUB_REQUEST", "listing the pull request's comments returned no list; expected a JSON array of comments");
  return data.filter((item): item is Comment => typeof item?.id === "number" && typeof item?.body === "string").map((item) => ({ ...item, html_url: String(item.html_url ?? "") }));
}

function identity(data: unknown): { id: number; url: string } {
  const comment = data as Partial<Comment> | undefined;
  return { id: Number(comment?.id ?? 0), url: String(comment?.html_url ?? "") };
}
