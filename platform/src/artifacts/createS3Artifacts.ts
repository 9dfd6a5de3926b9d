import { createHash } from "node:crypto";
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { ArtifactStore } from "./createLocalArtifacts.ts";

export interface S3ArtifactsOptions {
  /** a client from @aws-sdk/client-s3, the stack the docs' publisher uses too */
  client: S3Client;
  bucket: string;
  /** a folder inside the bucket, e.g. `envelopes/`; default: the bucket root */
  prefix?: string;
}

const sha256Pattern = /^[0-9a-f]{64}$/;

/**
 * Artifacts in an S3 bucket, content-addressed like the local store (`<prefix>ab/abcdef...`), for
 * registries that outgrow one machine. An object is written whole by one PUT, so a reader never
 * sees half an artifact; equal bytes are not uploaded twice. The registry writes the artifact
 * before it commits the version's row, as with the local store.
 */
export function createS3Artifacts(options: S3ArtifactsOptions): ArtifactStore {
  const prefix = options.prefix ? `${options.prefix.replace(/^\/+|\/+$/g, "")}/` : "";
  const keyOf = (sha256: string) => `${prefix}${sha256.slice(0, 2)}/${sha256}`;
  const where = `s3://${options.bucket}/${prefix}`;
  return {
    async put(bytes, mediaType) {
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const Key = keyOf(sha256);
      try {
        const present = await options.client.send(new HeadObjectCommand({ Bucket: options.bucket, Key })).then(
          () => true,
          (error: { name?: string; $metadata?: { httpStatusCode?: number } }) => {
            if (error.name === "NotFound" || error.$metadata?.httpStatusCode === 404) return false;
            throw error;
          },
        );
        if (!present) {
          await options.client.send(new PutObjectCommand({
            Bucket: options.bucket,
            Key,
            Body: bytes,
            ContentType: mediaType,
            Metadata: { sha256 },
          }));
        }
      } catch (error) {
        throw new EnvelopeError("ENVELOPE_STORE", `could not write artifact ${sha256} to ${where}: ${(error as Error).message}`, { cause: error });
      }
      return { mediaType, size: bytes.byteLength, sha256 };
    },
    async get(sha256) {
      if (!sha256Pattern.test(sha256)) return undefined;
      try {
        const object = await options.client.send(new GetObjectCommand({ Bucket: options.bucket, Key: keyOf(sha256) }));
        return Buffer.from(await object.Body!.transformToByteArray());
      } catch (error) {
        const failure = error as { name?: string; $metadata?: { httpStatusCode?: number } };
        if (failure.name === "NoSuchKey" || failure.$metadata?.httpStatusCode === 404) return undefined;
        throw new EnvelopeError("ENVELOPE_STORE", `could not read artifact ${sha256} from ${where}: ${(error as Error).message}`, { cause: error });
      }
    },
  };
}
