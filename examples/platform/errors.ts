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

/**
 * A 422 lists at most 100 problems, and says when there were more: the answer stays small
 * however bad the request.
 * @example platform.error-422-many
 * @expect
 * 422 ENVELOPE_INVALID: more than 100 problems in the envelope (the first 100 listed)
 * listed: 100, truncated: true
 * tags: expected at most 50 tags, got 500 tags
 * tags.bad key 0!: expected a tag key (letters or digits, then '_', '.', '-'; at most 64), got "bad key 0!"
 */
export async function manyProblems() {
  const tags = Object.fromEntries(Array.from({ length: 500 }, (_, index) => [`bad key ${index}!`, "v"]));
  try {
    await Registry.fromEnv().save({ name: "churn-many-typos", artifact: {}, inputs: [{ x: 1 }], outputs: [{ y: 1 }], tags });
  } catch (error) {
    if (!(error instanceof EnvelopeError)) throw error;
    const { status, code, shortMessage, problems, details } = error;
    console.log(`${status} ${code}: ${shortMessage.replace(/^.*: (more than)/, "$1")}`);
    console.log(`listed: ${problems.length}, truncated: ${details["problemsTruncated"]}`);
    for (const problem of problems.slice(0, 2)) console.log(`${problem.path}: expected ${problem.expected}, got ${problem.got}`);
  }
}

/**
 * JSON nested deeper than 512 levels is a 413 that names the limit and where it was passed, the
 * artifact included; never a 500.
 * @example platform.error-413-depth
 * @expectError /413 ENVELOPE_TOO_LARGE: request body is nested deeper than 512 levels at function\.artifact\.data\[0\]\[0\].*; the limit is 512 levels/
 */
export async function tooDeep() {
  let tree: unknown = "leaf";
  for (let level = 0; level < 1000; level++) tree = [tree];
  await Registry.fromEnv().save({ name: "deep-tree", artifact: tree, inputs: [{ x: 1 }], outputs: [{ y: 1 }] });
}
