// the command lives in src/cli/commands/publish.ts; its tests sit with the publisher's
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { publishCommand } from "../../../src/cli/commands/publish.ts";
import { captureIo } from "../../publish/helpers/captureIo.ts";
import { copySite } from "../../publish/helpers/copySite.ts";
import { S3RVER_ENV, startBucket, type TestBucket } from "../../publish/helpers/startBucket.ts";

let s3: TestBucket;
let work: string;
beforeAll(async () => {
  s3 = await startBucket();
  work = await mkdtemp(join(tmpdir(), "exemplar-publish-cli-"));
  await copySite(join(work, "dist"), "/pr-1/");
});
afterAll(async () => {
  await s3.close();
  await rm(work, { recursive: true, force: true });
});
beforeEach(() => {
  s3.proxy.reset();
  s3.proxy.failWhen = () => false;
  s3.proxy.hangWhen = () => false;
});
afterEach(() => {
  vi.unstubAllEnvs();
});

async function run(argv: string[], env: Record<string, string | undefined> = S3RVER_ENV) {
  const io = captureIo(work, env);
  const code = await publishCommand.run(argv, io);
  return { code, stdout: io.out.join(""), stderr: io.err.join("") };
}

const site = (prefix: string, extra: string[] = []) => ["--dir", "dist", "--bucket", s3.bucket, "--prefix", prefix, "--endpoint", s3.proxy.endpoint, "--path-style", ...extra];

/** a loopback port nothing listens on */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("exemplar publish", () => {
  test("--help prints the help and exits 0", async () => {
    expect(await run(["--help"])).toEqual({ code: 0, stdout: `${publishCommand.help}\n`, stderr: "" });
    expect(publishCommand.help).toMatch(/^Usage: exemplar publish --dir DIR --bucket NAME --prefix PREFIX/);
  });

  test("publishes, then reports an unchanged rebuild as one summary line", async () => {
    const first = await run(site("pr-1"));
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(first.stdout).toMatch(/^published dist to s3:\/\/site\/pr-1\/: uploaded 14 \(\d+(\.\d)? kB\), unchanged 0 \(0 B\), deleted 0 \(0 B\) in \d+\.\d\d s\n$/);
    const second = await run(site("pr-1/"));
    expect(second.stdout).toMatch(/^published dist to s3:\/\/site\/pr-1\/: uploaded 0 \(0 B\), unchanged 14 \(.+\), deleted 0 \(0 B\) in \d+\.\d\d s\n$/);
    expect(s3.proxy.count("PUT")).toBe(14);
  });

  test("--json prints the summary record", async () => {
    const { code, stdout } = await run(site("pr-1", ["--json"]));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, dryRun: false, bucket: "site", prefix: "pr-1/", dir: "dist", uploaded: [], deleted: [], failures: [] });
  });

  test("--dry-run prints the plan and changes nothing", async () => {
    await s3.put("pr-1/stale.html", "stale");
    const before = await s3.contents();
    s3.proxy.reset();
    const { code, stdout } = await run(site("pr-1", ["--dry-run"]));
    expect(code).toBe(0);
    expect(stdout.split("\n")).toEqual([
      "dry run: publishing dist to s3://site/pr-1/ would",
      expect.stringMatching(/^  upload\s+0 files\s+0 B$/),
      expect.stringMatching(/^  unchanged\s+14 files\s+\d+\.\d kB$/),
      expect.stringMatching(/^  delete\s+1 object\s+5 B$/),
      "  - pr-1/stale.html",
      expect.stringMatching(/^nothing was changed \(\d+\.\d\d s\)$/),
      "",
    ]);
    expect(s3.proxy.seen.map(({ method }) => method)).toEqual(["GET"]);
    expect(await s3.contents()).toEqual(before);
  });

  test("a persistent upload failure exits 1 naming the file, and deletes nothing", async () => {
    await s3.put("pr-1/stale.html", "stale");
    await writeFile(join(work, "dist/logo.svg"), (await readFile(join(work, "dist/logo.svg"), "utf8")).replace("r=\"7\"", "r=\"6\""));
    s3.proxy.failWhen = ({ method }) => method === "PUT";
    const { code, stdout, stderr } = await run(site("pr-1"));
    expect(code).toBe(1);
    expect(stdout).toMatch(/^failed to publish dist to s3:\/\/site\/pr-1\/: uploaded 0 \(0 B\), unchanged 13 .*\n  upload failed: logo\.svg: InternalError \(HTTP 500\): injected by the test proxy\n$/);
    expect(stderr).toBe("exemplar publish: 1 upload failed: logo.svg; nothing was deleted\n");
    expect((await s3.contents()).get("pr-1/stale.html")).toBe("stale");
  });

  test("--timeout and --attempts bound an upload that is never answered: exit 1 naming the file, what happened and what to do", { timeout: 30_000 }, async () => {
    await copySite(join(work, "dist-7"), "/pr-7/");
    s3.proxy.hangWhen = ({ method, key }) => method === "PUT" && key === "pr-7/logo.svg";
    const { code, stdout, stderr } = await run(["--dir", "dist-7", ...site("pr-7", ["--timeout", "0.3", "--attempts", "2"]).slice(2)]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      "\n  upload failed: logo.svg: TimeoutError: no answer: nothing received for 0.3 s, 2 attempts; the endpoint took the request but did not answer: check that it is up and publish again, or allow more time (--timeout, --attempts)\n",
    );
    expect(stderr).toBe("exemplar publish: 1 upload failed: logo.svg; nothing was deleted\n");
    expect(s3.proxy.seen.filter(({ key }) => key === "pr-7/logo.svg")).toHaveLength(2);
  });

  test.each([
    [["--timeout", "0"], '--timeout "0" is not a number of seconds above 0 and at most 3600'],
    [["--timeout", "soon"], '--timeout "soon" is not a number of seconds above 0 and at most 3600'],
    [["--attempts", "0"], '--attempts "0" is not a whole number from 1 to 10'],
  ])("refuses %j: %s", async (extra, message) => {
    const { code, stderr } = await run(site("pr-7", extra));
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(s3.proxy.seen).toEqual([]);
  });

  test("--json prints the error object on stdout, with the code and the line stderr shows", async () => {
    const { code, stdout, stderr } = await run(["--dir", "dist", "--bucket", "site", "--prefix", "../pr-1", "--endpoint", s3.proxy.endpoint, "--json"]);
    const line = 'exemplar publish: refusing prefix "../pr-1": expected no ".." segments';
    expect({ code, stderr }).toEqual({ code: 2, stderr: `${line}\n` });
    expect(JSON.parse(stdout)).toEqual({ ok: false, error: { code: "EXEMPLAR_PUBLISH_PREFIX", message: line } });
    expect(s3.proxy.seen).toEqual([]);
  });

  test.each([
    // a bucket that is not there
    { name: "bad bucket", argv: async () => ["--dir", "dist", "--bucket", "nope", "--prefix", "pr-1", "--endpoint", s3.server.endpoint, "--path-style"], line: /^exemplar publish: bucket "nope" does not exist at http:\/\/127\.0\.0\.1:\d+\n$/ },
    // nothing listening at the endpoint
    {
      name: "bad endpoint",
      argv: async () => ["--dir", "dist", "--bucket", "site", "--prefix", "pr-1", "--endpoint", `http://127.0.0.1:${await closedPort()}`, "--path-style"],
      line: /^exemplar publish: cannot reach http:\/\/127\.0\.0\.1:\d+ for bucket "site" \(connection refused\); expected an S3 endpoint there\n$/,
    },
    // credentials s3rver does not know
    {
      name: "refused credentials",
      argv: async () => site("pr-1"),
      env: { AWS_ACCESS_KEY_ID: "WRONG", AWS_SECRET_ACCESS_KEY: "secret-that-must-not-print" },
      line: /^exemplar publish: http:\/\/127\.0\.0\.1:\d+ refused the credentials for bucket "site" \(InvalidAccessKeyId \(HTTP 403\): [^\n]+\)\n$/,
    },
  ])("$name: one line, exit 1", async ({ argv, env, line }) => {
    const { code, stdout, stderr } = await run(await argv(), env);
    expect({ code, stdout }).toEqual({ code: 1, stdout: "" });
    expect(stderr).toMatch(line);
    expect(stderr).not.toContain("secret-that-must-not-print");
  });

  test("missing credentials: one line, exit 1, without asking any metadata service", async () => {
    // the SDK's chain reads the process environment: empty it, and keep it off the network
    for (const name of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI"]) {
      vi.stubEnv(name, undefined);
    }
    vi.stubEnv("AWS_EC2_METADATA_DISABLED", "true");
    vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", join(work, "no-credentials"));
    vi.stubEnv("AWS_CONFIG_FILE", join(work, "no-config"));
    const { code, stdout, stderr } = await run(site("pr-1"), {});
    expect({ code, stdout }).toEqual({ code: 1, stdout: "" });
    expect(stderr).toMatch(/^exemplar publish: no AWS credentials found for bucket "site"; expected AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a profile \(AWS_PROFILE\) in the shared config files\n$/);
    expect(s3.proxy.seen).toEqual([]);
  });

  test.each([
    // required flags
    { argv: ["--bucket", "site", "--prefix", "pr-1"], line: /^exemplar publish: missing --dir: expected the built site folder/ },
    { argv: ["--dir", "dist", "--prefix", "pr-1"], line: /^exemplar publish: missing --bucket/ },
    { argv: ["--dir", "dist", "--bucket", "site"], line: /^exemplar publish: missing --prefix: expected a folder such as --prefix pr-123 \(or --root/ },
    // parseArgs names an unknown flag
    { argv: ["--dir", "dist", "--bucket", "site", "--prefix", "pr-1", "--bukcet", "x"], line: /^exemplar publish: Unknown option '--bukcet'/ },
    // bad values
    { argv: ["--dir", "dist", "--bucket", "site", "--prefix", "pr-1", "--concurrency", "0"], line: /^exemplar publish: --concurrency "0" is not a whole number from 1 to 256$/m },
    { argv: ["--dir", "dist", "--bucket", "site", "--prefix", "pr-1", "--endpoint", "127.0.0.1:4568"], line: /^exemplar publish: --endpoint "127\.0\.0\.1:4568" is not an http\(s\) URL/ },
    // prefix safety
    { argv: ["--dir", "dist", "--bucket", "site", "--prefix", "../pr-1"], line: /^exemplar publish: refusing prefix "\.\.\/pr-1": expected no "\.\." segments\n$/ },
    { argv: ["--dir", "dist", "--bucket", "site", "--prefix", "/"], line: /^exemplar publish: refusing prefix "\/": expected a folder such as "pr-12\/" \(or --root to publish to the bucket root\)\n$/ },
    // the folder
    { argv: ["--dir", "nowhere", "--bucket", "site", "--prefix", "pr-1"], line: /^exemplar publish: site folder "nowhere" does not exist; expected the built site \(e\.g\. docs\/\.vitepress\/dist\)\n$/ },
    // a VitePress build for another preview
    {
      argv: ["--dir", "dist", "--bucket", "site", "--prefix", "pr-2"],
      line: /^exemplar publish: dist\/index\.html was built with VitePress base "\/pr-1\/" but is published to prefix "pr-2\/"; expected base "\/pr-2\/" \(set base: "\/pr-2\/" in the VitePress config and rebuild\)\n$/,
    },
  ])("usage or configuration error exits 2: $line", async ({ argv, line }) => {
    // through the counting proxy, so that "nothing was sent" can be checked
    const { code, stdout, stderr } = await run(argv.includes("--endpoint") ? argv : [...argv, "--endpoint", s3.proxy.endpoint]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toMatch(line);
    expect(s3.proxy.seen).toEqual([]);
  });
});
