import { describe, expect, test } from "vitest";
import { ExemplarError } from "../../src/errors/ExemplarError.ts";
import { describeS3Error } from "../../src/publish/describeS3Error.ts";

// errors shaped like the SDK's: a name, an S3 status in $metadata, or a Node network code
const s3Error = (name: string, status: number, message: string) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
const netError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code });
const place = { bucket: "nope", where: "http://127.0.0.1:4568" };

describe("describeS3Error", () => {
  test.each([
    // the bucket is not there
    { error: s3Error("NoSuchBucket", 404, "The specified bucket does not exist"), code: "EXEMPLAR_PUBLISH_BUCKET_NOT_FOUND", message: 'bucket "nope" does not exist at http://127.0.0.1:4568' },
    // nothing listens at the endpoint
    { error: netError("ECONNREFUSED"), code: "EXEMPLAR_PUBLISH_UNREACHABLE", message: 'cannot reach http://127.0.0.1:4568 for bucket "nope" (connection refused); expected an S3 endpoint there' },
    // happy-eyeballs connects wrap the refusals in an AggregateError
    { error: new AggregateError([netError("ECONNREFUSED"), netError("ECONNREFUSED")], ""), code: "EXEMPLAR_PUBLISH_UNREACHABLE", message: 'cannot reach http://127.0.0.1:4568 for bucket "nope" (connection refused); expected an S3 endpoint there' },
    // a host name that does not resolve
    { error: netError("ENOTFOUND"), code: "EXEMPLAR_PUBLISH_UNREACHABLE", message: 'cannot reach http://127.0.0.1:4568 for bucket "nope" (host not found); expected an S3 endpoint there' },
    // the SDK's connection timeout
    {
      error: Object.assign(new Error("@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 10000 ms."), { name: "TimeoutError" }),
      code: "EXEMPLAR_PUBLISH_UNREACHABLE",
      message: 'cannot reach http://127.0.0.1:4568 for bucket "nope" (connection timed out); expected an S3 endpoint there',
    },
    // connected, but no answer on any attempt
    {
      error: Object.assign(new Error("@smithy/node-http-handler - the request socket timed out after 30000 ms of inactivity (configured by client requestHandler)."), {
        name: "TimeoutError",
        $metadata: { attempts: 3 },
      }),
      code: "EXEMPLAR_PUBLISH_TIMEOUT",
      message:
        'S3 request for bucket "nope" at http://127.0.0.1:4568 timed out: no answer: nothing received for 30 s, 3 attempts; the endpoint took the request but did not answer: check that it is up and publish again, or allow more time (--timeout, --attempts)',
    },
    // no link of the credential chain had anything
    {
      error: Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" }),
      code: "EXEMPLAR_PUBLISH_CREDENTIALS",
      message: 'no AWS credentials found for bucket "nope"; expected AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a profile (AWS_PROFILE) in the shared config files',
    },
    // credentials the server does not know
    {
      error: s3Error("InvalidAccessKeyId", 403, "The AWS Access Key Id you provided does not exist in our records."),
      code: "EXEMPLAR_PUBLISH_CREDENTIALS",
      message: 'http://127.0.0.1:4568 refused the credentials for bucket "nope" (InvalidAccessKeyId (HTTP 403): The AWS Access Key Id you provided does not exist in our records.)',
    },
    // anything else keeps the S3 code, status and message
    { error: s3Error("AccessDenied", 403, "Access Denied"), code: "EXEMPLAR_PUBLISH_REMOTE", message: 'S3 request for bucket "nope" at http://127.0.0.1:4568 failed: AccessDenied (HTTP 403): Access Denied' },
    // a HEAD error has no body, so no message beyond its name
    { error: s3Error("Forbidden", 403, "UnknownError"), code: "EXEMPLAR_PUBLISH_REMOTE", message: 'S3 request for bucket "nope" at http://127.0.0.1:4568 failed: Forbidden (HTTP 403)' },
    // not even an Error
    { error: "boom", code: "EXEMPLAR_PUBLISH_REMOTE", message: 'S3 request for bucket "nope" at http://127.0.0.1:4568 failed: boom' },
  ])("$code: $message", ({ error, code, message }) => {
    const described = describeS3Error(error, place);
    expect(described.code).toBe(code);
    expect(described.message).toBe(message);
    expect(described.shortMessage).toBe(message);
    expect(described.cause).toBe(error);
  });
});

test("keeps an error that already says what to do, such as the SDK not being installed", () => {
  const missing = new ExemplarError("EXEMPLAR_PUBLISH_SDK_MISSING", "install @aws-sdk/client-s3 to publish");
  expect(describeS3Error(missing, place)).toBe(missing);
});
