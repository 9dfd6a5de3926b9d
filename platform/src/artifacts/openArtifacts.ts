import path from "node:path";
import { S3Client } from "@aws-sdk/client-s3";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import { createLocalArtifacts, type ArtifactStore } from "./createLocalArtifacts.ts";
import { createS3Artifacts } from "./createS3Artifacts.ts";

/**
 * The artifact store a location names: `s3://bucket/prefix` for S3 (AWS_ACCESS_KEY_ID and
 * AWS_SECRET_ACCESS_KEY from `env`, else the standard AWS chain; `ENVELOPE_S3_ENDPOINT` for an S3-compatible server, which is then addressed
 * in path style; the region from AWS_REGION, else us-east-1), anything else is a local folder.
 */
export function openArtifacts(location: string, env: Record<string, string | undefined>): ArtifactStore {
  if (!location.startsWith("s3://")) return createLocalArtifacts(path.resolve(location));
  const [bucket, ...rest] = location.slice("s3://".length).split("/");
  if (!bucket) throw new EnvelopeError("ENVELOPE_CONFIG", `artifacts location ${location}: expected s3://BUCKET/PREFIX`);
  const endpoint = env["ENVELOPE_S3_ENDPOINT"];
  const accessKeyId = env["AWS_ACCESS_KEY_ID"];
  const secretAccessKey = env["AWS_SECRET_ACCESS_KEY"];
  const client = new S3Client({
    region: env["AWS_REGION"] ?? env["AWS_DEFAULT_REGION"] ?? "us-east-1",
    ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    // static keys from the given environment; otherwise the SDK's own chain (profiles, roles)
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
  });
  const prefix = rest.join("/");
  return createS3Artifacts({ client, bucket, ...(prefix ? { prefix } : {}) });
}
