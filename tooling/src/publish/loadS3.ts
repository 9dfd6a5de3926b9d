import { ExemplarError } from "../errors/ExemplarError.ts";

/** The AWS SDK's S3 module, `@aws-sdk/client-s3`. */
export type S3Module = typeof import("@aws-sdk/client-s3");

const sdk = "@aws-sdk/client-s3";

/**
 * Imports the AWS SDK's S3 module on first use. It is an optional peer dependency of the
 * package (22 MB that a project which only checks and splices does not install), so nothing
 * imports it until a publish or unpublish sends a request. When it is not installed this
 * throws `EXEMPLAR_PUBLISH_SDK_MISSING`, saying what to install; other failures pass unchanged.
 * `importSdk` is for tests.
 */
export async function loadS3(importSdk: () => Promise<S3Module> = () => import("@aws-sdk/client-s3")): Promise<S3Module> {
  try {
    return await importSdk();
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    if (code !== "ERR_MODULE_NOT_FOUND" || !message?.includes(`'${sdk}'`)) throw error;
    throw new ExemplarError(
      "EXEMPLAR_PUBLISH_SDK_MISSING",
      `install ${sdk} to publish: npm install -D ${sdk} (publish and unpublish upload with the AWS SDK, an optional peer dependency of @exemplar/tooling; check and splice do not need it)`,
      { cause: error },
    );
  }
}
