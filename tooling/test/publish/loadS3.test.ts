import { expect, it } from "vitest";
import { ExemplarError } from "../../src/errors/ExemplarError.ts";
import { loadS3 } from "../../src/publish/loadS3.ts";

/** What Node throws when a package is not installed. */
function notFound(specifier: string): Error {
  return Object.assign(new Error(`Cannot find package '${specifier}' imported from /project/node_modules/@exemplar/tooling/dist/chunk.js`), { code: "ERR_MODULE_NOT_FOUND" });
}

it("loads the AWS SDK's S3 module when it is installed", async () => {
  const { S3Client, PutObjectCommand } = await loadS3();
  expect(typeof S3Client).toBe("function");
  expect(typeof PutObjectCommand).toBe("function");
});

it("says to install @aws-sdk/client-s3 when it is missing, keeping Node's error as the cause", async () => {
  const missing = notFound("@aws-sdk/client-s3");
  const error = await loadS3(() => Promise.reject(missing)).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(ExemplarError);
  expect(error).toMatchObject({ code: "EXEMPLAR_PUBLISH_SDK_MISSING", cause: missing });
  expect((error as ExemplarError).message).toMatch(/^install @aws-sdk\/client-s3 to publish: npm install -D @aws-sdk\/client-s3 \(.*check and splice do not need it\)$/);
});

it("passes on any other failure to load it unchanged", async () => {
  // a package the SDK needs is missing, not the SDK: that is not fixed by installing the SDK
  const inner = notFound("@smithy/core");
  await expect(loadS3(() => Promise.reject(inner))).rejects.toBe(inner);
});
