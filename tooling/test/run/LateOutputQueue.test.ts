import { expect, test } from "vitest";
import { LateOutputQueue } from "../../src/run/LateOutputQueue.ts";
import type { FromWorker } from "../../src/run/protocol.ts";

const queue = () => {
  const sent: FromWorker[] = [];
  return { sent, late: new LateOutputQueue((message) => sent.push(message)) };
};

test("sends what each example wrote late once per turn of the event loop, not once per write", async () => {
  const { sent, late } = queue();
  late.write("a", "one ");
  late.write("b", "other");
  late.write("a", "two");
  expect(sent).toEqual([]);
  await new Promise((resolve) => setImmediate(resolve));
  expect(sent).toEqual([{ type: "late", key: "a", output: "one two" }, { type: "late", key: "b", output: "other" }]);
  late.write("a", "three");
  late.flush();
  expect(sent.at(-1)).toEqual({ type: "late", key: "a", output: "three" });
});

test("keeps 1 MB of an example's late output in all, and counts the rest once", () => {
  const { sent, late } = queue();
  const kilobyte = "l".repeat(1024);
  for (let index = 0; index < 1500; index++) late.write("a", kilobyte);
  late.flush();
  for (let index = 0; index < 10; index++) late.write("a", kilobyte);
  late.flush();
  late.flush();
  expect(sent.map((message) => message.type === "late" && { bytes: message.output?.length, truncatedBytes: message.truncatedBytes })).toEqual([
    { bytes: 1024 * 1024, truncatedBytes: 476 * 1024 },
    { bytes: undefined, truncatedBytes: 10 * 1024 },
  ]);
});
