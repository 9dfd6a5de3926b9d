import { EnvelopeError, Registry } from "@envelope/platform";

/**
 * No token, or one the registry did not issue: 401.
 * @example platform.error-401
 * @expectError /401 ENVELOPE_UNAUTHORIZED: unknown bearer token/
 */
export async function unauthorized() {
  const registry = Registry.fromEnv({ token: "not-a-real-token" });
  await registry.find({ region: "us" });
}

/**
 * A team cannot save a version of, or tag, another team's model: 403.
 * @example platform.error-403
 * @expectError /403 ENVELOPE_FORBIDDEN: model payments-risk belongs to team churn; team fraud cannot save a version of it/
 */
export async function forbidden() {
  await Registry.fromEnv().save({ name: "payments-risk", artifact: {}, inputs: [{ x: 1 }], outputs: [{ y: 1 }] }); // hide
  const otherTeam = Registry.fromEnv({ token: process.env["ENVELOPE_OTHER_TEAM_TOKEN"]! });
  await otherTeam.save({ name: "payments-risk", artifact: {}, inputs: [{ x: 1 }], outputs: [{ y: 1 }] });
}

/**
 * Bad input is a 422 that lists every problem: the field's path, what was expected, what was sent.
 * @example platform.error-422
 * @expect
 * 422 ENVELOPE_INVALID: 3 problems in the envelope
 * data.metrics[0].value: expected a number in [0, 1] for accuracy, got 97
 * tags.owner: expected a key of your own: name, description, owner, team are set by the platform
 * tags.stage: expected a string, got 2
 */
export async function invalid() {
  const registry = Registry.fromEnv();
  try {
    await registry.save({
      name: "churn-typos",
      artifact: {},
      inputs: [{ x: 1 }],
      outputs: [{ y: 1 }],
      tags: { owner: "me", stage: 2 as unknown as string },
      metrics: [{ name: "accuracy", kind: "scalar", value: 97 }],
    });
  } catch (error) {
    if (!(error instanceof EnvelopeError)) throw error;
    const { status, code, shortMessage, problems } = error;
    console.log(`${status} ${code}: ${shortMessage.replace(/^.*: (\d+ problems?)/, "$1")}`);
    for (const problem of problems) console.log(`${problem.path}: expected ${problem.expected}${problem.got ? `, got ${problem.got}` : ""}`);
  }
}

/**
 * A body over the registry's limit is a 413 that says the limit.
 * @example platform.error-413
 * @expectError /413 ENVELOPE_TOO_LARGE: request body is \d+ bytes; the limit is 1048576 bytes/
 */
export async function tooLarge() {
  const registry = Registry.fromEnv();
  await registry.save({ name: "huge-model", artifact: new Uint8Array(2 * 1024 * 1024), inputs: [{ x: 1 }], outputs: [{ y: 1 }] });
}

/**
 * A name or version that does not exist: 404. Names are checked too: a path is never a name.
 * @example platform.error-404
 * @expect
 * 404 ENVELOPE_NOT_FOUND: model no-such-model version latest not found
 * 422 path.name: expected a model name (letters, digits, '.', '_', '-'; starting with a letter or digit; at most 100)
 */
export async function notFound() {
  const registry = Registry.fromEnv();
  for (const name of ["no-such-model", "../../etc/passwd"]) {
    try {
      await registry.get(name);
    } catch (error) {
      if (!(error instanceof EnvelopeError)) throw error;
      const { status, code, shortMessage, problems } = error;
      if (problems.length > 0) console.log(`${status} ${problems[0]!.path}: expected ${problems[0]!.expected}`);
      else console.log(`${status} ${code}: ${shortMessage.split(": ").at(-1)}`);
    }
  }
}
