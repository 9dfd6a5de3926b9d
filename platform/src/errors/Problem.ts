/**
 * One thing wrong with a request: where (`path`, e.g. `data.metrics[0].value`), what was expected,
 * and a short preview of what was sent. A 422 lists every problem, not just the first, up to
 * `maxListedProblems`.
 */
export interface Problem {
  path: string;
  expected: string;
  got?: string;
}

/** At most this many problems in one error: enough to fix a request, small enough to read and send. */
export const maxListedProblems = 100;

const previewLength = 60;

/** JSON text of `value`, stopping once it is longer than `room`: a huge or deep value costs no more than its start */
function shortJson(value: unknown, room: number): string | undefined {
  if (typeof (value as { toJSON?: unknown } | null)?.toJSON === "function") value = (value as { toJSON: () => unknown }).toJSON();
  if (typeof value === "string") return JSON.stringify(value.length > room ? value.slice(0, room) : value);
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  const parts: string[] = [];
  let length = 2;
  const add = (part: string) => {
    parts.push(part);
    length += part.length + 1;
  };
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length && length <= room; index++) add(shortJson(value[index], room - length) ?? "null");
    return `[${parts.join(",")}]`;
  }
  for (const key in value) {
    if (length > room) break;
    if (!Object.hasOwn(value, key)) continue;
    const item = shortJson((value as Record<string, unknown>)[key], room - length);
    if (item !== undefined) add(`${JSON.stringify(key)}:${item}`);
  }
  return `{${parts.join(",")}}`;
}

/** A short, single-line preview of a wrong value for a problem's `got`; cheap whatever the value's size or depth. */
export function preview(value: unknown): string {
  if (value === undefined) return "nothing";
  let text: string;
  try {
    text = shortJson(value, previewLength) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > previewLength ? `${text.slice(0, previewLength - 3)}...` : text;
}

/** `text` cut to `max` characters, ending in `...` when cut: for paths and expectations that hold a sender's keys */
export function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/** `path: expected X, got Y`, the line every report and error message uses. */
export function formatProblem(problem: Problem): string {
  return `${problem.path}: expected ${problem.expected}${problem.got === undefined ? "" : `, got ${problem.got}`}`;
}
