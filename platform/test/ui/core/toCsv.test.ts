import { expect, it } from "vitest";
import { toCsv } from "../../../src/ui/core/toCsv.ts";

it("writes RFC 4180 CSV: a header, one CRLF line per row, cells with commas, quotes or line breaks quoted", () => {
  const rows = [
    { name: "churn", value: 0.91, note: "plain" },
    { name: "fraud, eu", value: null, note: 'says "hi"\nagain' },
  ];
  const csv = toCsv(rows, [
    { header: "name", value: (row) => row.name },
    { header: "value", value: (row) => row.value },
    { header: "note", value: (row) => row.note },
  ]);
  expect(csv).toBe('name,value,note\r\nchurn,0.91,plain\r\n"fraud, eu",,"says ""hi""\nagain"\r\n');
});

it("writes only the header for no rows", () => {
  expect(toCsv([], [{ header: "a", value: () => 1 }])).toBe("a\r\n");
});
