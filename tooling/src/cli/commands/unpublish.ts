import type { S3Client } from "@aws-sdk/client-s3";
import { formatUnpublishSummary } from "../../publish/formatUnpublishSummary.ts";
import { unpublishPrefix } from "../../publish/unpublishPrefix.ts";
import type { Command, CommandIo } from "../Command.ts";
import { bucketFlags, openBucket, usage } from "../openBucket.ts";
import { reportCommandError } from "../reportCommandError.ts";
import { parseFlags as parseCommandFlags } from "../parseFlags.ts";

const help = `Usage: exemplar unpublish --bucket NAME --prefix PREFIX [options]

Deletes every object under PREFIX of an S3 bucket, as when a pull request's preview is closed.
Nothing outside PREFIX is listed or deleted.

Options:
  --bucket NAME      the bucket (required)
  --prefix PREFIX    the folder to empty, e.g. pr-123 (stored as pr-123/)
  --root             empty the bucket root instead of a prefix (with --keep, the site's own files)
  --keep PATTERN     never delete objects in folders matching PATTERN under the prefix
                     (repeatable; * matches within a folder name), e.g. --keep 'pr-*'
  --endpoint URL     an S3-compatible endpoint, e.g. http://127.0.0.1:4568
  --path-style       path-style URLs (endpoint/bucket/key), for most S3-compatible servers
  --region REGION    the bucket's region (default: AWS_REGION, AWS_DEFAULT_REGION, us-east-1)
  --timeout SECONDS  abandon and retry a request attempt after SECONDS with nothing sent or
                     received (default 30)
  --attempts N       tries per request, the first included (default 3)
  --dry-run          print what would be deleted and change nothing
  --json             print the summary as JSON on stdout
  -h, --help         print this help

Credentials come from the standard AWS chain, as for \`exemplar publish\`, and are never printed.

Exit codes: 0 deleted (or nothing to delete), 1 a request failed, 2 usage error.`;

/** `exemplar unpublish`: a thin shell over `unpublishPrefix`. */
export const unpublishCommand: Command = {
  name: "unpublish",
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
      const target = await openBucket(flags, io.env, "empty the bucket root");
      client = target.client;
      const summary = await unpublishPrefix({
        bucket: target.bucket,
        prefix: flags.prefix,
        root: flags.root,
        keep: flags.keep,
        client,
        where: target.where,
        dryRun: flags["dry-run"],
      });
      io.stdout(json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatUnpublishSummary(summary)}\n`);
      if (summary.ok) return 0;
      io.stderr(`exemplar unpublish: ${summary.failures.length} delete${summary.failures.length === 1 ? "" : "s"} failed: ${summary.failures.map((failure) => failure.key).join(", ")}\n`);
      return 1;
    } catch (error) {
      return reportCommandError("unpublish", error, io, { json, helpHint: true });
    } finally {
      client?.destroy();
    }
  },
};

const flagOptions = bucketFlags;

function parseFlags(argv: string[]) {
  const { values, positionals } = parseCommandFlags("unpublish", argv, flagOptions);
  if (positionals.length > 0) throw usage(`unexpected argument \`${positionals[0]}\`; every value goes with a flag (see \`exemplar unpublish --help\`)`);
  return values;
}
