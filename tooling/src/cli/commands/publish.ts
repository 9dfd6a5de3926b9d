import type { S3Client } from "@aws-sdk/client-s3";
import { formatPublishSummary } from "../../publish/formatPublishSummary.ts";
import { publishSite } from "../../publish/publishSite.ts";
import type { Command, CommandIo } from "../Command.ts";
import { bucketFlags, openBucket, usage } from "../openBucket.ts";
import { reportCommandError } from "../reportCommandError.ts";
import { parseFlags as parseCommandFlags } from "../parseFlags.ts";

const help = `Usage: exemplar publish --dir DIR --bucket NAME --prefix PREFIX [options]

Publishes a built site to an S3 bucket under PREFIX, uploading only files whose content the
bucket does not already hold: new assets first, then pages, then deletion of the objects under
PREFIX that the build no longer has (only when every upload succeeded).

Options:
  --dir DIR          the built site, e.g. docs/.vitepress/dist (required)
  --bucket NAME      the bucket (required)
  --prefix PREFIX    the folder to publish to, e.g. pr-123 (stored as pr-123/); a VitePress
                     build must have been built with base "/pr-123/"
  --root             publish to the bucket root instead of a prefix
  --keep PATTERN     never delete objects in folders matching PATTERN under the prefix
                     (repeatable; * matches within a folder name), e.g. --root --keep 'pr-*'
                     keeps the pull request previews beside the site
  --endpoint URL     an S3-compatible endpoint, e.g. http://127.0.0.1:4568
  --path-style       path-style URLs (endpoint/bucket/key), for most S3-compatible servers
  --region REGION    the bucket's region (default: AWS_REGION, AWS_DEFAULT_REGION, us-east-1)
  --concurrency N    requests in flight at once (default 8)
  --timeout SECONDS  abandon and retry a request attempt after SECONDS with nothing sent or
                     received (default 30)
  --attempts N       tries per request, the first included (default 3)
  --dry-run          print the plan (upload, unchanged, delete) and change nothing
  --json             print the summary as JSON on stdout
  -h, --help         print this help

Credentials come from the standard AWS chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,
AWS_PROFILE, SSO, instance roles) and are never printed.

Exit codes: 0 published, 1 a request or upload failed, 2 usage or configuration error.`;

/** `exemplar publish`: a thin shell over `publishSite`. */
export const publishCommand: Command = {
  name: "publish",
  help,
  async run(argv: string[], io: CommandIo): Promise<number> {
    let client: S3Client | undefined;
    let json = false;
    try {
      const flags = parseFlags(argv);
      if (flags.help === true) {
        io.stdout(`${help}\n`);
        return 0;
      }
      json = flags.json === true;
      const options = validate(flags);
      const target = await openBucket(flags, io.env, "publish to the bucket root");
      client = target.client;
      const summary = await publishSite({
        dir: options.dir,
        cwd: io.cwd,
        bucket: target.bucket,
        prefix: flags.prefix,
        root: flags.root,
        client,
        where: target.where,
        dryRun: flags["dry-run"],
        concurrency: options.concurrency,
        keep: flags.keep,
      });
      if (json) io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
      else io.stdout(`${formatPublishSummary(summary)}\n`);
      if (summary.ok) return 0;
      const files = summary.failures.map((failure) => failure.path ?? failure.key).join(", ");
      const uploads = summary.failures.some((failure) => failure.action === "upload");
      io.stderr(`exemplar publish: ${summary.failures.length} ${uploads ? "upload" : "delete"}${summary.failures.length === 1 ? "" : "s"} failed: ${files}${uploads ? "; nothing was deleted" : ""}\n`);
      return 1;
    } catch (error) {
      return reportCommandError("publish", error, io, { json, helpHint: true });
    } finally {
      client?.destroy();
    }
  },
};

const flagOptions = {
  ...bucketFlags,
  dir: { type: "string" },
  concurrency: { type: "string" },
} as const;

function parseFlags(argv: string[]) {
  const { values, positionals } = parseCommandFlags("publish", argv, flagOptions);
  if (positionals.length > 0) throw usage(`unexpected argument \`${positionals[0]}\`; every value goes with a flag (see \`exemplar publish --help\`)`);
  return values;
}

/** The flags only `publish` has; `openBucket` checks the rest. */
function validate(flags: ReturnType<typeof parseFlags>): { dir: string; concurrency: number } {
  if (flags.dir === undefined || flags.dir === "") throw usage("missing --dir: expected the built site folder, e.g. --dir docs/.vitepress/dist");
  let concurrency = 8;
  if (flags.concurrency !== undefined) {
    concurrency = Number(flags.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) throw usage(`--concurrency "${flags.concurrency}" is not a whole number from 1 to 256`);
  }
  return { dir: flags.dir, concurrency };
}
