import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { BatchRun, RunInput, RunPage, RunQuery } from "../runs/BatchRun.ts";
import type { Database } from "./Database.ts";
import type { Principal } from "./Store.ts";

interface RunRow {
  id: number;
  name: string;
  version: number;
  user_name: string;
  team: string;
  recorded_at: Date | string;
  run: Omit<RunInput, "startedAt"> & { startedAt: string };
}

function toRun(row: RunRow): BatchRun {
  const { status, inputs, output, rowsIn, rowsOut, rowsSkipped, durationMs, startedAt, drift, error, shard } = row.run;
  return { id: row.id, name: row.name, version: row.version, status, inputs, output, rowsIn, rowsOut, rowsSkipped, durationMs, startedAt, drift, error, shard, user: row.user_name, team: row.team, recordedAt: new Date(row.recorded_at).toISOString() };
}

/** The cursor of the page after the run `id`: opaque to callers (base64url), like the events' cursor. */
export function encodeRunCursor(id: number): string {
  return Buffer.from(`run|${id}`).toString("base64url");
}

/** The run id a cursor made by `encodeRunCursor` holds, or undefined when `text` is not one. */
export function decodeRunCursor(text: string): number | undefined {
  const match = /^run\|(\d{1,10})$/.exec(Buffer.from(text, "base64url").toString("utf8"));
  return match ? Number(match[1]) : undefined;
}

/** The store's batch run records: one row per run, read newest first by id, a page at a time. */
export function runQueries(db: Database) {
  return {
    /** records a run of a saved model version by the principal; the version must exist (404 naming it otherwise) */
    async recordRun(name: string, version: number, run: RunInput, principal: Principal, at: string): Promise<BatchRun> {
      const startedAt = new Date(run.startedAt).toISOString();
      const [row] = await db.query<RunRow>(
        `INSERT INTO envelope_batch_runs (name, version, user_name, team, recorded_at, run)
         SELECT $1, $2, $3, $4, $5, $6::jsonb WHERE EXISTS (SELECT 1 FROM envelope_models WHERE name = $1 AND version = $2)
         RETURNING id, name, version, user_name, team, recorded_at, run`,
        [name, version, principal.user, principal.team, at, JSON.stringify({ ...run, startedAt })],
      );
      if (!row) throw new EnvelopeError("ENVELOPE_NOT_FOUND", `model ${name} version ${version} not found; a run is recorded for a saved version`);
      return toRun(row);
    },

    /** a page of a model's runs (one version's when given), newest first; 422 for a cursor that is not a page's `next` */
    async listRuns(query: RunQuery): Promise<RunPage> {
      const params: unknown[] = [query.name, query.limit + 1];
      let where = "name = $1";
      if (query.version !== undefined) where += ` AND version = $${params.push(query.version)}`;
      if (query.cursor !== undefined) {
        const before = decodeRunCursor(query.cursor);
        if (before === undefined) throw new EnvelopeError("ENVELOPE_INVALID", `cursor ${JSON.stringify(query.cursor.slice(0, 80))} is not a cursor; expected the \`next\` of an earlier page`);
        where += ` AND id < $${params.push(before)}`;
      }
      const rows = await db.query<RunRow>(`SELECT id, name, version, user_name, team, recorded_at, run FROM envelope_batch_runs WHERE ${where} ORDER BY id DESC LIMIT $2`, params);
      // one row more than asked says whether there is a next page
      const page = rows.slice(0, query.limit);
      return { runs: page.map(toRun), next: rows.length > query.limit ? encodeRunCursor(page.at(-1)!.id) : null };
    },
  };
}
