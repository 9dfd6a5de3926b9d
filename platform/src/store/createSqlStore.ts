import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { Metric, ModelSummary, SavedEnvelope } from "../envelope/Envelope.ts";
import { alertQueries } from "./alertQueries.ts";
import type { Database, Queryable } from "./Database.ts";
import { deployRuleQueries } from "./deployRuleQueries.ts";
import { eventQueries } from "./eventQueries.ts";
import { metricQueries } from "./metricQueries.ts";
import { runQueries } from "./runQueries.ts";
import { schemaLockKey, schemaRoutines, schemaSql } from "./schema.ts";
import { sortedTags } from "./sortedTags.ts";
import type { IndexedSummary, NewModel, Store, StoreHooks, VersionRef } from "./Store.ts";
import { tokenQueries } from "./tokenQueries.ts";
import { usageBreakdownQueries } from "./usageBreakdownQueries.ts";
import { usageQueries } from "./usageQueries.ts";

interface ModelRow {
  id: number;
  name: string;
  version: number;
  owner: string;
  team: string;
  description: string;
  created_at: Date | string;
  tags: Record<string, string>;
}

const summaryColumns = "id, name, version, owner, team, description, created_at, tags";

function toSummary(row: ModelRow): IndexedSummary {
  return { id: row.id, name: row.name, version: row.version, owner: row.owner, team: row.team, description: row.description, createdAt: new Date(row.created_at).toISOString(), tags: sortedTags(row.tags) };
}

function publicSummary({ id: _id, ...summary }: IndexedSummary): ModelSummary {
  return summary;
}

/**
 * What `clear` empties: every table of the schema, so that a new one is not forgotten, but the
 * tokens; in the reverse of the schema's order, so that a table goes before those it references.
 */
const clearedTables = [...schemaSql.matchAll(/CREATE TABLE IF NOT EXISTS (\w+)/g)].map((match) => match[1]!).filter((table) => table !== "envelope_tokens").reverse();
/** the cleared tables whose `id serial` counts from 1 again */
const serialTables = [...schemaSql.matchAll(/CREATE TABLE IF NOT EXISTS (\w+) \(\s*id serial/g)].map((match) => match[1]!);

/** The `WHERE` for a version reference, as SQL and parameters after `name`. */
function versionClause(version: VersionRef): [string, unknown[]] {
  return version === "latest" ? ["version = (SELECT last_version FROM envelope_names n WHERE n.name = $1)", []] : ["version = $2", [version]];
}

/** Creates the tables when missing, under an advisory lock so that two registries starting together don't race. */
export async function migrate(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [schemaLockKey]);
    for (const statement of [...schemaSql.split(";").map((part) => part.trim()).filter(Boolean), ...schemaRoutines]) await tx.query(statement);
  });
}

/** The store over a Postgres (PGlite or a server): the same SQL for both. */
export function createSqlStore(db: Database, hooks: StoreHooks = {}): Store {
  async function modelRow(q: Queryable, name: string, version: VersionRef, lock = false): Promise<ModelRow | undefined> {
    const [clause, params] = versionClause(version);
    const rows = await q.query<ModelRow>(`SELECT ${summaryColumns} FROM envelope_models WHERE name = $1 AND ${clause}${lock ? " FOR UPDATE" : ""}`, [name, ...params]);
    return rows[0];
  }

  async function writable(q: Queryable, name: string, version: VersionRef, team: string): Promise<ModelRow> {
    const row = await modelRow(q, name, version, true);
    if (!row) throw new EnvelopeError("ENVELOPE_NOT_FOUND", `model ${name} version ${version} not found`);
    if (row.team !== team) throw new EnvelopeError("ENVELOPE_FORBIDDEN", `model ${name} belongs to team ${row.team}; team ${team} cannot change it`);
    return row;
  }

  async function metricsOf(q: Queryable, id: number): Promise<Metric[]> {
    const rows = await q.query<{ metric: Metric }>("SELECT metric FROM envelope_metrics WHERE model_id = $1 ORDER BY id", [id]);
    return rows.map((row) => row.metric);
  }

  // one statement for the list, in its order: the trigger that keeps a version's latest scalars
  // (schema.ts) then updates the version's row once per save or log, not once per metric
  async function insertMetrics(q: Queryable, id: number, metrics: Metric[], at: string): Promise<void> {
    if (metrics.length === 0) return;
    await q.query("INSERT INTO envelope_metrics (model_id, metric, logged_at) SELECT $1, m, $3 FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS list(m, n) ORDER BY n", [id, JSON.stringify(metrics), at]);
  }

  return {
    kind: db.kind,

    async saveModel(model: NewModel) {
      return db.transaction(async (tx) => {
        // the upsert locks the name's row until commit: concurrent saves queue here
        const bumped = await tx.query<{ last_version: number }>(
          `INSERT INTO envelope_names (name, team, last_version) VALUES ($1, $2, 1)
           ON CONFLICT (name) DO UPDATE SET last_version = envelope_names.last_version + 1 WHERE envelope_names.team = EXCLUDED.team
           RETURNING last_version`,
          [model.name, model.team],
        );
        if (bumped.length === 0) {
          const [owner] = await tx.query<{ team: string }>("SELECT team FROM envelope_names WHERE name = $1", [model.name]);
          throw new EnvelopeError("ENVELOPE_FORBIDDEN", `model ${model.name} belongs to team ${owner?.team}; team ${model.team} cannot save a version of it`);
        }
        const version = bumped[0]!.last_version;
        const [row] = await tx.query<ModelRow>(
          `INSERT INTO envelope_models (name, version, owner, team, description, created_at, tags, shape, context, features, artifact)
           VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb, $10::jsonb, $11::jsonb) RETURNING ${summaryColumns}`,
          [model.name, version, model.owner, model.team, model.description, model.createdAt, JSON.stringify(model.tags), JSON.stringify(model.shape), JSON.stringify(model.context), JSON.stringify(model.features), JSON.stringify(model.artifact)],
        );
        await insertMetrics(tx, row!.id, model.metrics, model.createdAt);
        await hooks.beforeCommit?.({ ...model, version });
        return toSummary(row!);
      });
    },

    async getModel(name, version) {
      const [clause, params] = versionClause(version);
      const rows = await db.query<ModelRow & Pick<SavedEnvelope, "context"> & { shape: SavedEnvelope["function"]["shape"]; features: SavedEnvelope["data"]["features"]; artifact: SavedEnvelope["function"]["artifact"] }>(
        `SELECT ${summaryColumns}, shape, context, features, artifact FROM envelope_models WHERE name = $1 AND ${clause}`,
        [name, ...params],
      );
      const row = rows[0];
      if (!row) return undefined;
      const { id, ...summary } = toSummary(row);
      return { ...summary, function: { artifact: row.artifact, shape: row.shape }, context: row.context, data: { features: row.features, metrics: await metricsOf(db, id) } };
    },

    async findModels(query) {
      const latest = query.latest ? " AND version = (SELECT last_version FROM envelope_names n WHERE n.name = m.name)" : "";
      const rows = await db.query<ModelRow>(`SELECT ${summaryColumns} FROM envelope_models m WHERE tags @> $1::jsonb${latest} ORDER BY id DESC LIMIT $2`, [JSON.stringify(query.tags), query.limit]);
      return rows.map((row) => publicSummary(toSummary(row)));
    },

    async listSummaries() {
      return (await db.query<ModelRow>(`SELECT ${summaryColumns} FROM envelope_models ORDER BY id`)).map(toSummary);
    },

    async addTags(name, version, tags, team) {
      return db.transaction(async (tx) => {
        const row = await writable(tx, name, version, team);
        const [updated] = await tx.query<ModelRow>(`UPDATE envelope_models SET tags = tags || $2::jsonb WHERE id = $1 RETURNING ${summaryColumns}`, [row.id, JSON.stringify(tags)]);
        return toSummary(updated!);
      });
    },

    async logMetrics(name, version, metrics, team, at) {
      await db.transaction(async (tx) => {
        const row = await writable(tx, name, version, team);
        await insertMetrics(tx, row.id, metrics, at);
      });
    },

    async readMetrics(name, version) {
      const row = await modelRow(db, name, version);
      return row ? metricsOf(db, row.id) : undefined;
    },

    ...tokenQueries(db),
    ...eventQueries(db),
    ...usageQueries(db),
    ...deployRuleQueries(db),
    ...metricQueries(db),
    ...usageBreakdownQueries(db),
    ...alertQueries(db),
    ...runQueries(db),

    async clear() {
      // DELETE, not TRUNCATE: on the few rows of fixtures it takes 3 ms where TRUNCATE, which
      // makes new files for every table, takes 25 to 70 (the docs' writer's loop clears the
      // store before each save's run). Restarting the ids makes the store what a fresh one is,
      // row ids included
      await db.transaction(async (tx) => {
        for (const table of clearedTables) await tx.query(`DELETE FROM ${table}`);
        for (const table of serialTables) await tx.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), 1, false)`);
      });
    },

    close: () => db.close(),
  };
}
