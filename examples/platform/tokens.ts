import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { Registry } from "@envelope/platform";

/**
 * While the registry runs, an admin token issues, lists and revokes tokens through it (the
 * registry's URL comes from ENVELOPE_REGISTRY_URL). A revoked token is refused from the next
 * request.
 * @example platform.tokens
 * @timeout 60000
 * @expect
 * lin of team churn, admin: false
 * id{...}user{...}team{...}admin{...}created{...}last used
 * 1{...}ada{...}churn{...}-{...}
 * 2{...}grace{...}fraud{...}-{...}
 * 3{...}platform-team{...}platform{...}admin{...}
 * {...}lin{...}churn{...}-{...}
 * revoked token {...} of lin (team churn)
 * GET /v1/whoami: 401 ENVELOPE_UNAUTHORIZED: unknown bearer token; expected a token issued by this registry (`envelope token create`) and not revoked
 */
export async function manageTokens() {
  const run = promisify(execFile);
  const envelope = async (...args: string[]) => (await run("npx", ["envelope", ...args, "--token", process.env["ENVELOPE_ADMIN_TOKEN"]!])).stdout.trimEnd();

  const token = await envelope("token", "create", "--user", "lin", "--team", "churn");
  const lin = new Registry({ url: process.env["ENVELOPE_REGISTRY_URL"]!, token, tracking: { sink: "none" } });
  const me = await lin.whoami();
  console.log(`${me.user} of team ${me.team}, admin: ${me.admin}`);

  console.log(await envelope("token", "list"));
  console.log(await envelope("token", "revoke", token));
  await lin.whoami().catch((error) => console.log(error.message));
}

/**
 * `GET /v1/events` answers a page at a time, oldest first: `limit` events (1,000 by default, at
 * most 10,000) and `next`, the cursor to pass as `after` for the next page, null on the last.
 * @example platform.events-paging
 * @expect
 * page 1: 2 events, next: yes
 * page 2: 2 events, next: yes
 * page 3: 1 event, next: no
 * read 5 events, oldest first: true
 */
export async function pageEvents() {
  const since = new Date().toISOString();
  const token = process.env["ENVELOPE_ADMIN_TOKEN"]!;
  const registry = Registry.fromEnv({ token });
  for (let call = 0; call < 5; call++) await registry.whoami();
  await registry.flush();

  const events: Array<{ at: string; fn: string }> = [];
  let after: string | null = null;
  let pages = 0;
  do {
    const url = new URL("/v1/events", process.env["ENVELOPE_REGISTRY_URL"]);
    url.search = new URLSearchParams({ since, team: "platform", limit: "2", ...(after ? { after } : {}) }).toString();
    const page = (await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json()) as { events: typeof events; next: string | null };
    events.push(...page.events);
    console.log(`page ${++pages}: ${page.events.length} event${page.events.length === 1 ? "" : "s"}, next: ${page.next ? "yes" : "no"}`);
    after = page.next;
  } while (after);
  console.log(`read ${events.length} events, oldest first: ${events.every((event, index) => index === 0 || events[index - 1]!.at <= event.at)}`);
}

/**
 * `envelope usage` asks the registry for its summary (`GET /v1/usage/summary`): the database
 * counts, and the report is the same whether the registry holds a hundred events or millions.
 * `--team` (admin tokens) and `--function` narrow it.
 * @example platform.usage-summary
 * @timeout 60000
 * @expect
 * Usage in the last 7 days
 *
 * New users: 1
 *   platform-team (platform) since {...}
 *
 * Calls per function:
 *   function  calls  failures  failure rate
 *   get           3         2         66.7%
 *
 * Top errors:
 *   2 x ENVELOPE_NOT_FOUND (1 user): GET /v1/models/retired/versions/latest: 404 ENVELOPE_NOT_FOUND: model retired version latest not found
 */
export async function usageSummary() {
  const token = process.env["ENVELOPE_ADMIN_TOKEN"]!;
  const registry = Registry.fromEnv({ token });
  await registry.save({ name: "usage-summary-demo", artifact: {}, inputs: [{ x: 1 }], outputs: [{ y: 1 }] });
  await registry.get("usage-summary-demo");
  for (let attempt = 0; attempt < 2; attempt++) await registry.get("retired").catch(() => {});
  await registry.flush();

  const { stdout } = await promisify(execFile)("npx", ["envelope", "usage", "--days", "7", "--team", "platform", "--function", "get", "--token", token]);
  console.log(stdout.trimEnd());
}
