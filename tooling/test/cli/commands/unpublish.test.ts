// the command lives in src/cli/commands/unpublish.ts; it runs through `main`, as the CLI does
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { unpublishCommand } from "../../../src/cli/commands/unpublish.ts";
import { main } from "../../../src/cli/main.ts";
import { captureIo } from "../../publish/helpers/captureIo.ts";
import { copySite } from "../../publish/helpers/copySite.ts";
import { S3RVER_ENV, startBucket, type TestBucket } from "../../publish/helpers/startBucket.ts";

let s3: TestBucket;
let work: string;
beforeAll(async () => {
  s3 = await startBucket();
  work = await mkdtemp(join(tmpdir(), "exemplar-unpublish-cli-"));
});
afterAll(async () => {
  await s3.close();
  await rm(work, { recursive: true, force: true });
});
beforeEach(() => {
  s3.proxy.reset();
  s3.proxy.failWhen = () => false;
});

async function exemplar(argv: string[], env: Record<string, string | undefined> = S3RVER_ENV) {
  const io = captureIo(work, env);
  const code = await main(argv, io);
  return { code, stdout: io.out.join(""), stderr: io.err.join("") };
}
const target = ["--bucket", "site", "--endpoint", "", "--path-style"];
const bucket = () => target.map((arg) => (arg === "" ? s3.proxy.endpoint : arg));
const keys = async () => [...(await s3.contents()).keys()];

describe("exemplar unpublish", () => {
  test("--help prints the help and exits 0", async () => {
    expect(await exemplar(["unpublish", "--help"])).toEqual({ code: 0, stdout: `${unpublishCommand.help}\n`, stderr: "" });
  });

  test("the workflow's life of a preview: publish pr-1 and pr-2 and the root, close pr-1", async () => {
    for (const [prefix, base] of [["pr-1", "/pr-1/"], ["pr-2", "/pr-2/"]] as const) {
      await copySite(join(work, prefix), base);
      expect(await exemplar(["publish", "--dir", prefix, "--prefix", prefix, ...bucket()])).toMatchObject({ code: 0, stderr: "" });
    }
    // main: the root site, leaving the previews beside it
    await copySite(join(work, "root"), "/");
    await s3.put("stale.html", "from an older main");
    expect(await exemplar(["publish", "--dir", "root", "--root", "--keep", "pr-*", ...bucket()])).toMatchObject({ code: 0, stderr: "" });
    const before = await keys();
    expect(before).not.toContain("stale.html");
    expect(before.filter((key) => key.startsWith("pr-1/"))).toHaveLength(14);

    // a dry run first: it names what would go and changes nothing
    const dry = await exemplar(["unpublish", "--prefix", "pr-1", "--dry-run", ...bucket()]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^dry run: unpublishing s3:\/\/site\/pr-1\/ would delete 14 objects \(\d+\.\d kB\)\n  - pr-1\/404\.html\n/);
    expect(await keys()).toEqual(before);

    const done = await exemplar(["unpublish", "--prefix", "pr-1", ...bucket()]);
    expect(done).toMatchObject({ code: 0, stderr: "" });
    expect(done.stdout).toMatch(/^unpublished s3:\/\/site\/pr-1\/: deleted 14 objects \(\d+\.\d kB\) in \d+\.\d\d s\n$/);
    expect(await keys()).toEqual(before.filter((key) => !key.startsWith("pr-1/")));
    expect((await keys()).filter((key) => key.startsWith("pr-2/"))).toHaveLength(14);
    expect(await keys()).toContain("index.html");
  });

  test("--json prints the summary record", async () => {
    const { code, stdout } = await exemplar(["unpublish", "--prefix", "pr-77", "--json", ...bucket()]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ ok: true, dryRun: false, bucket: "site", prefix: "pr-77/", deleted: [], failures: [], bytes: { deleted: 0 }, seconds: expect.any(Number) });
  });

  test("a failing delete exits 1 naming the keys", async () => {
    await s3.put("pr-5/index.html", "x");
    s3.proxy.failWhen = ({ method }) => method === "POST";
    const { code, stdout, stderr } = await exemplar(["unpublish", "--prefix", "pr-5", ...bucket()]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^failed to unpublish s3:\/\/site\/pr-5\/: deleted 0 objects \(0 B\) in .*\n  delete failed: pr-5\/index\.html: InternalError \(HTTP 500\): injected by the test proxy\n$/);
    expect(stderr).toBe("exemplar unpublish: 1 delete failed: pr-5/index.html\n");
  });

  test.each([
    // the root only with --root; never outside one folder
    { argv: ["--prefix", "/"], code: 2, line: /^exemplar unpublish: refusing prefix "\/": expected a folder such as "pr-12\/" \(or --root to publish to the bucket root\)\n$/ },
    { argv: ["--prefix", "../pr-2"], code: 2, line: /^exemplar unpublish: refusing prefix "\.\.\/pr-2": expected no "\.\." segments\n$/ },
    { argv: ["--prefix", "pr-1", "--root"], code: 2, line: /^exemplar unpublish: refusing prefix "pr-1": --root publishes to the bucket root; give either --root or --prefix, not both\n$/ },
    // required flags and bad values
    { argv: [], code: 2, line: /^exemplar unpublish: missing --prefix: expected a folder such as --prefix pr-123 \(or --root to empty the bucket root\)\n/ },
    { argv: ["--prefix", "pr-1", "--keep", "../x"], code: 2, line: /^exemplar unpublish: --keep "\.\.\/x" is not a folder pattern/ },
    { argv: ["--prefix", "pr-1", "--bukcet", "x"], code: 2, line: /^exemplar unpublish: Unknown option '--bukcet'/ },
  ])("$argv: one line, exit $code, nothing sent", async ({ argv, code, line }) => {
    const result = await exemplar(["unpublish", ...argv, ...bucket()]);
    expect({ code: result.code, stdout: result.stdout }).toEqual({ code, stdout: "" });
    expect(result.stderr).toMatch(line);
    expect(s3.proxy.seen).toEqual([]);
  });

  test("a missing bucket is one line, exit 1", async () => {
    const { code, stderr } = await exemplar(["unpublish", "--bucket", "nope", "--prefix", "pr-1", "--endpoint", s3.server.endpoint, "--path-style"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^exemplar unpublish: bucket "nope" does not exist at http:\/\/127\.0\.0\.1:\d+\n$/);
  });
});
