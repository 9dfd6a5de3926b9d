import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import { createBatchS3Client, type S3Access } from "./createBatchS3Client.ts";
import type { FeatureTable, InputPart, TableFile } from "./InputPart.ts";
import { joinFeatureParts } from "./joinFeatureParts.ts";
import { parseS3Location } from "./parseS3Location.ts";

/** Parts ready to read, and the removal of whatever was downloaded for them. */
export interface StagedParts {
  parts: InputPart[];
  /** removes the temporary folder of downloads (nothing when nothing was downloaded); safe to call twice */
  remove: () => Promise<void>;
}

/** objects downloaded at once: enough to keep a link busy, few enough to leave the machine's sockets and disk alone */
export const stagingConcurrency = 4;

async function download(client: S3Client, url: string, target: string): Promise<void> {
  const { bucket, key } = parseS3Location(url, "--input");
  try {
    const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    // streamed to disk, so memory stays flat whatever the object's size
    await pipeline(object.Body as Readable, createWriteStream(target));
  } catch (error) {
    throw new EnvelopeError("ENVELOPE_STORE", `${url}: could not download: ${(error as Error).name}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Downloads the `s3://` files of `parts` (inputs and feature table, each once) into a fresh
 * temporary folder, `stagingConcurrency` at a time, and returns the parts with `local` set to
 * their copies; local files are left as they are. The parts keep their `s3://` names, so outputs
 * and messages name the objects. Parts with a feature table are then joined once into the same
 * folder (`joinFeatureParts`). The folder is removed by `remove`, and here when staging fails.
 * Only the parts a shard runs should be staged: select the shard first.
 */
export async function stageInputParts(parts: readonly InputPart[], access?: S3Access): Promise<StagedParts> {
  const remote = new Map<string, string>();
  for (const part of parts) for (const table of [part, part.features]) if (table?.file.startsWith("s3://")) remote.set(table.file, "");
  if (remote.size === 0 && !parts.some((part) => part.features)) return { parts: [...parts], remove: async () => {} };
  const folder = await mkdtemp(join(tmpdir(), "envelope-batch-"));
  const remove = () => rm(folder, { recursive: true, force: true });
  try {
    [...remote.keys()].forEach((url, index) => remote.set(url, join(folder, `${index}-${basename(url)}`)));
    if (remote.size > 0) await downloadAll(remote, access);
    const staged = <T extends TableFile>(table: T): T => (remote.has(table.file) ? { ...table, local: remote.get(table.file)! } : table);
    return { parts: await joinFeatureParts(parts.map((part) => ({ ...staged(part), ...(part.features ? { features: staged<FeatureTable>(part.features) } : {}) })), folder), remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

/** downloads each `s3://` key of `targets` to its path, `stagingConcurrency` at a time */
async function downloadAll(targets: Map<string, string>, access: S3Access | undefined): Promise<void> {
  const client = createBatchS3Client(access);
  try {
    const queue = [...targets.entries()];
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next; next = queue.shift()) await download(client, next[0], next[1]);
    };
    await Promise.all(Array.from({ length: Math.min(stagingConcurrency, queue.length) }, worker));
  } finally {
    client.destroy();
  }
}
