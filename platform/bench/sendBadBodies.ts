/**
 * The bad bodies of `healthUnderBadBodies`, built and sent from a process of their own so that
 * the process timing `/v1/health` does no other work. Arguments: <url> <token> <kind>. Sends
 * "ready" (IPC) once the body is built, waits for "go", then sends `{ figures }` and exits.
 */
import { Agent, request } from "node:http";

const limit = 16 * 1024 * 1024;

/** A save whose user tags are bad keys (`"k1!":"v"`), up to the registry's 16 MiB limit: the body. */
function badTagKeys(): Buffer {
  const head = '{"function":{"artifact":{"encoding":"json","data":[1]},"shape":{"inputs":[{"name":"x","type":"number","nullable":false}],"outputs":[{"name":"y","type":"number","nullable":false}]}},"context":{"node":"v20.0.0","packages":{}},"data":{"features":{},"metrics":[]},"tags":{';
  const pairs: string[] = [];
  for (let index = 0, size = head.length + 2; size + 24 < limit; index++) size += pairs[pairs.push(`"k${index}!":"v"`) - 1]!.length + 1;
  return Buffer.from(`${head}${pairs.join(",")}}}`);
}

/** A save whose metrics are series of 5,000 points each with a wrong x, up to 16 MiB: parsed whole, then checked. */
function badMetricPoints(): Buffer {
  const head = '{"function":{"artifact":{"encoding":"json","data":[1]},"shape":{"inputs":[{"name":"x","type":"number","nullable":false}],"outputs":[{"name":"y","type":"number","nullable":false}]}},"context":{"node":"v20.0.0","packages":{}},"tags":{},"data":{"features":{},"metrics":[';
  const series: string[] = [];
  let size = head.length + 4;
  while (size < limit - 200_000) {
    const points = Array.from({ length: 5000 }, (_, index) => `{"x":"${index}","y":null}`).join(",");
    size += series[series.push(`{"name":"loss","kind":"series","points":[${points}]}`) - 1]!.length + 1;
  }
  return Buffer.from(`${head}${series.join(",")}]}}`);
}

const [url, token, kind] = process.argv.slice(2) as [string, string, "bad tag keys" | "bad metric points"];
const target = new URL(url);
const body = kind === "bad tag keys" ? badTagKeys() : badMetricPoints();
const agent = new Agent({ keepAlive: true, maxSockets: 3 });
const answers: Array<{ status: number; bytes: number; ms: number }> = [];

function refuse(): Promise<void> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": body.length };
    const call = request({ host: target.hostname, port: target.port, method: "POST", path: "/v1/models/flood", agent, headers }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () => {
        answers.push({ status: response.statusCode ?? 0, bytes, ms: performance.now() - started });
        resolve();
      });
    });
    call.on("error", reject);
    call.end(body);
  });
}

process.send!("ready");
process.once("message", async () => {
  for (let round = 0; round < 3; round++) await refuse();
  await Promise.all([refuse(), refuse(), refuse()]);
  agent.destroy();
  process.send!({
    figures: {
      body: kind,
      bytes: body.length,
      sent: answers.length,
      statuses: [...new Set(answers.map((answer) => answer.status))],
      answerBytes: Math.max(...answers.map((answer) => answer.bytes)),
      slowestMs: Math.round(Math.max(...answers.map((answer) => answer.ms))),
    },
  }, () => process.exit(0));
});
