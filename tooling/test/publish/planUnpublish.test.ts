import { describe, expect, test } from "vitest";
import { planUnpublish } from "../../src/publish/planUnpublish.ts";

const object = (key: string, size = 10) => ({ key, size, etag: "0".repeat(32) });

describe("planUnpublish", () => {
  test("deletes everything under the prefix, sorted, and nothing that only looks like it", () => {
    const listed = [object("pr-1/index.html"), object("pr-1/assets/app.js", 20), object("pr-10/index.html"), object("pr-1.html"), object("index.html")];
    expect(planUnpublish(listed, "pr-1/")).toEqual({
      prefix: "pr-1/",
      uploads: [],
      unchanged: [],
      deletes: [
        { key: "pr-1/assets/app.js", size: 20 },
        { key: "pr-1/index.html", size: 10 },
      ],
    });
  });

  test("the root with --keep leaves the kept folders", () => {
    const listed = [object("index.html"), object("pr-1/index.html"), object("assets/app.js")];
    expect(planUnpublish(listed, "", { keep: ["pr-*"] }).deletes.map(({ key }) => key)).toEqual(["assets/app.js", "index.html"]);
  });
});
