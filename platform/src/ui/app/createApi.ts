import type { Failure } from "../core/describeFailure.ts";

/** A failed call to the registry, carrying what the page needs to say about it. */
export class ApiFailure extends Error {
  readonly failure: Failure;
  constructor(failure: Failure) {
    super(`${failure.path}: ${failure.status} ${failure.message ?? ""}`);
    this.failure = failure;
  }
}

export type Params = Array<[string, string]>;

/** The registry's JSON API as the page calls it: a token, and paging. */
export interface Api {
  get<T>(path: string, params?: Params): Promise<T>;
  /** every page of a paged list, `key` its array, at most `cap` items; `truncated` when more were left */
  all<T>(path: string, params: Params, key: string, cap: number): Promise<{ items: T[]; truncated: boolean }>;
}

/** An API client for the registry that served the page, with `token` as its bearer. */
export function createApi(token: string, signal: AbortSignal): Api {
  async function get<T>(path: string, params: Params = []): Promise<T> {
    const query = new URLSearchParams(params).toString();
    let response: Response;
    try {
      response = await fetch(`${path}${query ? `?${query}` : ""}`, { headers: { authorization: `Bearer ${token}` }, signal });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new ApiFailure({ status: 0, path });
    }
    const body = (await response.json().catch(() => undefined)) as { error?: Partial<Pick<Failure, "code" | "message" | "problems">> } | undefined;
    if (!response.ok) {
      const { code, message, problems } = body?.error ?? {};
      throw new ApiFailure({ status: response.status, path, ...(code ? { code } : {}), ...(message ? { message } : {}), ...(Array.isArray(problems) ? { problems } : {}) });
    }
    return body as T;
  }
  async function all<T>(path: string, params: Params, key: string, cap: number) {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const page: Record<string, unknown> = await get(path, [...params, ["limit", "1000"], ...(cursor ? [["cursor", cursor] as [string, string]] : [])]);
      items.push(...((page[key] as T[] | undefined) ?? []));
      cursor = (page["next"] as string | null | undefined) ?? null;
    } while (cursor && items.length < cap);
    return { items: items.slice(0, cap), truncated: cursor !== null || items.length > cap };
  }
  return { get, all };
}
