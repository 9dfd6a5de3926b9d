import { afterAll, beforeAll, expect, test } from "vitest";
import { callRegistry, type CallOptions } from "../../support/callRegistry.ts";
import { envelopeBody } from "../../support/models.ts";
import { startTestRegistry, type TestRegistry } from "../../support/startTestRegistry.ts";

// a JSON artifact comes back exactly as it was sent (issue 15, finding 7)
let registry: TestRegistry;
beforeAll(async () => {
  registry = await startTestRegistry();
}, 60_000);
afterAll(() => registry.close());

const call = (method: string, path: string, options: CallOptions = {}) => callRegistry(registry, method, path, options);
const withArtifact = (artifact: string) => JSON.stringify(envelopeBody()).replace('{"weights":[1,2,3]}', artifact);

test.each([
  // [what JSON.parse then JSON.stringify would alter, the artifact as sent]
  ["a number beyond double range (was stored as null)", '{"huge":1e400,"tiny":-1e-400}'],
  ["integers beyond 2^53 (were rounded)", "[9007199254740993,-18446744073709551617]"],
  ["digits as written", "[1.10,1E2,0.1e1,-0]"],
  ["escapes and spacing", '{ "s" : "\\u0041\\/\\ud800" ,\n "t": [ ] }'],
  ["a string at the top", '"weights"'],
])("%s: the artifact's bytes are the bytes sent", async (_why, artifact) => {
  const saved = await call("POST", "/v1/models/exact", { raw: withArtifact(artifact) });
  expect(saved.status).toBe(201);
  const served = await call("GET", `/v1/models/exact/versions/${saved.json.version}/artifact`);
  expect(served.headers.get("content-type")).toBe("application/json");
  expect(served.text).toBe(artifact);
  const envelope = await call("GET", `/v1/models/exact/versions/${saved.json.version}`);
  expect(envelope.json.function.artifact.size).toBe(Buffer.byteLength(artifact));
});

test("an artifact that is not UTF-8 is refused with 400 naming the byte, and nothing is saved", async () => {
  const [before, after] = withArtifact('{"name":"@"}').split("@");
  const body = Buffer.concat([Buffer.from(before!), Buffer.from([0xc3, 0x28]), Buffer.from(after!)]);
  const refused = await call("POST", "/v1/models/not-utf8", { raw: body });
  expect(refused.status).toBe(400);
  expect(refused.json.error.code).toBe("ENVELOPE_MALFORMED_JSON");
  expect(refused.json.error.message).toBe(`request body is not UTF-8: an invalid byte at byte ${Buffer.byteLength(before!)}; JSON is sent as UTF-8`);
  expect((await call("GET", "/v1/models/not-utf8/versions/latest")).status).toBe(404);
});

test("a base64 artifact is still saved as the bytes it decodes to", async () => {
  const bytes = Buffer.from([0, 1, 2, 250, 255]);
  const body = envelopeBody({ function: { ...envelopeBody().function, artifact: { encoding: "base64", data: bytes.toString("base64"), mediaType: "application/x-test" } } });
  expect((await call("POST", "/v1/models/bytes", { body })).status).toBe(201);
  const served = await call("GET", "/v1/models/bytes/versions/1/artifact");
  expect([served.headers.get("content-type"), served.bytes]).toEqual(["application/x-test", bytes]);
  const wrong = envelopeBody({ function: { ...envelopeBody().function, artifact: { encoding: "base64", data: "not base64!" } } });
  expect((await call("POST", "/v1/models/bytes", { body: wrong })).json.error.problems).toEqual([{ path: "function.artifact.data", expected: "base64 text", got: '"not base64!"' }]);
});
