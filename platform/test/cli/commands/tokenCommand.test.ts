import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { CliIo } from "../../../src/cli/CliIo.ts";
import { main } from "../../../src/cli/main.ts";
import { Registry } from "../../../src/client/Registry.ts";
import { startRegistry } from "../../../src/server/startRegistry.ts";
import { startTestRegistry, type TestRegistry } from "../../support/startTestRegistry.ts";
import { tempDir } from "../../support/tempDir.ts";

let registry: TestRegistry;
beforeAll(async () => {
  registry = await startTestRegistry();
}, 60_000);
afterAll(() => registry.close());

function io(env: NodeJS.ProcessEnv = {}): CliIo & { out: string; err: string } {
  const captured = { out: "", err: "" };
  return Object.assign(captured, { stdout: (text: string) => (captured.out += text), stderr: (text: string) => (captured.err += text), env, now: () => new Date() });
}

const whoami = (token: string) => new Registry({ url: registry.url, token, tracking: { sink: "none" } }).whoami();

test("while the embedded registry runs: create, list and revoke through it with an admin token; revocation is immediate", async () => {
  const admin = { ENVELOPE_REGISTRY_URL: registry.url, ENVELOPE_TOKEN: registry.tokens.admin };
  const created = io(admin);
  expect(await main(["token", "create", "--user", "eve", "--team", "fraud"], created)).toBe(0);
  const token = created.out.trim();
  expect(token).toMatch(/^env_[\w-]{43}$/);
  expect(await whoami(token)).toEqual({ user: "eve", team: "fraud", admin: false });

  // --url and --token work as well as the variables
  const listed = io();
  expect(await main(["token", "list", "--url", registry.url, "--token", registry.tokens.admin], listed)).toBe(0);
  const lines = listed.out.trimEnd().split("\n");
  expect(lines[0]).toMatch(/^id\s+user\s+team\s+admin\s+created\s+last used$/);
  expect(lines.slice(1).map((line) => line.split(/\s+/).slice(1, 4).join(" "))).toEqual(["ada churn -", "grace fraud -", "root platform admin", "eve fraud -"]);
  expect(listed.out).not.toContain(token);
  const eve = lines.find((line) => /\beve\b/.test(line))!;
  expect(eve).toMatch(/\d{4}-\d\d-\d\dT[\d:.]+Z$/);

  const revoked = io(admin);
  expect(await main(["token", "revoke", token], revoked)).toBe(0);
  expect(revoked.out).toMatch(/^revoked token \d+ of eve \(team fraud\)\n$/);
  // no waiting: the registry that revoked it forgets it at once
  await expect(whoami(token)).rejects.toMatchObject({ status: 401 });

  const byId = io(admin);
  const graceId = lines.find((line) => /\bgrace\b/.test(line))!.split(/\s+/)[0]!;
  expect(await main(["token", "revoke", graceId], byId)).toBe(0);
  await expect(whoami(registry.tokens.grace)).rejects.toMatchObject({ status: 401 });
  const again = io(admin);
  expect(await main(["token", "revoke", graceId], again)).toBe(1);
  expect(again.err).toMatch(new RegExp(`no token with id ${graceId}`));
});

test("a token that is not an admin's cannot manage tokens: 403, naming what is needed", async () => {
  for (const argv of [["token", "list"], ["token", "create", "--user", "mallory", "--team", "churn", "--admin"], ["token", "revoke", "1"]]) {
    const refused = io({ ENVELOPE_REGISTRY_URL: registry.url, ENVELOPE_TOKEN: registry.tokens.ada });
    expect(await main(argv, refused)).toBe(1);
    expect(refused.err).toMatch(/403 ENVELOPE_FORBIDDEN: the token of ada \(team churn\) is not an admin token; expected an admin token/);
  }
});

test("with --data and no registry: the first token is an admin's; the store is refused while a registry holds it", async () => {
  const temp = tempDir();
  const data = path.join(temp.dir, "data");
  try {
    const first = io();
    expect(await main(["token", "create", "--user", "root", "--team", "platform", "--data", data], first)).toBe(0);
    expect(first.err).toMatch(/the first token of this store is an admin token/);
    const second = io();
    expect(await main(["token", "create", "--user", "ada", "--team", "churn", "--data", data], second)).toBe(0);
    const listed = io();
    expect(await main(["token", "list", "--data", data, "--json"], listed)).toBe(0);
    const tokens = JSON.parse(listed.out) as Array<{ id: number; user: string; admin: boolean }>;
    expect(tokens.map((token) => [token.user, token.admin])).toEqual([["root", true], ["ada", false]]);

    const running = await startRegistry({ store: { dataDir: data }, artifactsDir: path.join(temp.dir, "artifacts"), log: () => {} });
    try {
      const locked = io();
      expect(await main(["token", "list", "--data", data], locked)).toBe(1);
      expect(locked.err).toMatch(/is in use by process \d+.*--url and --token/);
      const viaHttp = io({ ENVELOPE_REGISTRY_URL: running.url, ENVELOPE_TOKEN: first.out.trim() });
      expect(await main(["token", "revoke", second.out.trim()], viaHttp)).toBe(0);
    } finally {
      await running.close();
    }
    const after = io();
    expect(await main(["token", "list", "--data", data, "--json"], after)).toBe(0);
    expect((JSON.parse(after.out) as Array<{ user: string }>).map((token) => token.user)).toEqual(["root"]);
    const revoked = io();
    expect(await main(["token", "revoke", String(tokens[0]!.id), "--data", data], revoked)).toBe(0);
    expect(revoked.out).toBe(`revoked token ${tokens[0]!.id} of root (team platform)\n`);
  } finally {
    temp.remove();
  }
}, 60_000);

test.each([
  // a registry half given, and two places at once
  [["token", "list", "--url", "http://127.0.0.1:9"], /expected both --url and --token/],
  [["token", "list", "--url", "http://127.0.0.1:9", "--token", "t", "--data", "x"], /--data and --url\/--token: expected one place for the tokens/],
  [["token", "revoke"], /expected one TOKEN_OR_ID/],
  [["token", "revoke", "ada"], /"ada" is neither a token \(env_\.\.\.\) nor a token id/],
])("envelope %j is refused before anything is opened", async (argv, message) => {
  const refused = io();
  expect(await main(argv, refused)).toBeGreaterThan(0);
  expect(refused.err).toMatch(message);
});
