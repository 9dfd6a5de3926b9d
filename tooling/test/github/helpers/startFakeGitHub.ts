import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** One issue comment as the fake keeps it. */
export interface FakeComment {
  id: number;
  body: string;
  html_url: string;
}

/** A request the fake answered. */
export interface FakeRequest {
  method: string;
  /** path and query, e.g. `/repos/octo/docs/issues/12/comments?per_page=100&page=2` */
  url: string;
  authorization: string | undefined;
}

/** A small GitHub REST API on 127.0.0.1: issue comments of known pull requests, paginated. */
export interface FakeGitHub {
  apiUrl: string;
  /** comments by `owner/name#number`; a pull request is known once it has an entry */
  comments: Map<string, FakeComment[]>;
  requests: FakeRequest[];
  /** comments per page, whatever `per_page` asks (GitHub caps it at 100) */
  pageSize: number;
  close: () => Promise<void>;
}

/**
 * Starts the fake. It accepts only `Bearer <token>` (else 401 Bad credentials), answers 404 for
 * a pull request it does not know, lists comments in pages with a GitHub-style `Link` header,
 * creates (POST) and updates (PATCH) comments.
 */
export async function startFakeGitHub(options: { token: string; pullRequests: string[] }): Promise<FakeGitHub> {
  let nextId = 1000;
  const fake: FakeGitHub = {
    apiUrl: "",
    comments: new Map(options.pullRequests.map((pr) => [pr, []])),
    requests: [],
    pageSize: 100,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer(async (incoming, outgoing) => {
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      outgoing.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
      outgoing.end(JSON.stringify(body));
    };
    const method = incoming.method ?? "GET";
    const url = new URL(incoming.url ?? "/", fake.apiUrl);
    fake.requests.push({ method, url: `${url.pathname}${url.search}`, authorization: incoming.headers.authorization });
    const body = await readBody(incoming);
    if (incoming.headers.authorization !== `Bearer ${options.token}`) {
      return send(401, { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" });
    }
    const notFound = () => send(404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" });

    const list = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname);
    if (list) {
      const comments = fake.comments.get(`${list[1]}#${list[2]}`);
      if (comments === undefined) return notFound();
      if (method === "GET") {
        const page = Number(url.searchParams.get("page") ?? "1");
        const size = Math.min(fake.pageSize, Number(url.searchParams.get("per_page") ?? "30"));
        const last = Math.max(1, Math.ceil(comments.length / size));
        const link = (n: number, rel: string) => {
          const target = new URL(url);
          target.searchParams.set("page", String(n));
          return `<${target.href}>; rel="${rel}"`;
        };
        const links = page < last ? [link(page + 1, "next"), link(last, "last")] : [];
        return send(200, comments.slice((page - 1) * size, page * size), links.length > 0 ? { link: links.join(", ") } : {});
      }
      if (method === "POST") {
        const id = nextId++;
        const comment = { id, body: String(body["body"]), html_url: `https://github.com/${list[1]}/pull/${list[2]}#issuecomment-${id}` };
        comments.push(comment);
        return send(201, comment);
      }
    }
    const one = /^\/repos\/([^/]+\/[^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (one && method === "PATCH") {
      for (const [key, comments] of fake.comments) {
        if (!key.startsWith(`${one[1]}#`)) continue;
        const comment = comments.find((candidate) => candidate.id === Number(one[2]));
        if (comment) {
          comment.body = String(body["body"]);
          return send(200, comment);
        }
      }
    }
    return notFound();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

async function readBody(incoming: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
}
