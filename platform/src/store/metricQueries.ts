import type { DashboardStore, VersionHeader } from "./DashboardStore.ts";
import type { Database, Queryable } from "./Database.ts";
import { cursorValues, encodePageCursor } from "./pageCursor.ts";
import { sortedTags } from "./sortedTags.ts";

interface HeaderRow {
  name: string;
  version: number;
  created_at: Date | string;
  tags: Record<string, string>;
}

const headerColumns = "m.name, m.version, m.created_at, m.tags";

function header(row: HeaderRow): VersionHeader {
  return { name: row.name, version: row.version, createdAt: new Date(row.created_at).toISOString(), tags: sortedTags(row.tags) };
}

/** The latest logged metric `name` of `kind` of version `m`, as a lateral subquery's body; `$n` names the parameter. */
const latestMetric = (kind: "scalar" | "series", parameter: string, select: string) =>
  `SELECT ${select} FROM envelope_metrics x WHERE x.model_id = m.id AND x.metric->>'name' = ${parameter} AND x.metric->>'kind' = '${kind}' ORDER BY x.id DESC LIMIT 1`;

/**
 * The dashboard's metric reads, aggregated by the database. A page of versions follows
 * `envelope_models_created`'s order and reads each version's latest scalars from its own row
 * (`envelope_models.scalars`, kept by a trigger), so it reads its own versions and stops; a
 * series is looked up per version by (model_id, name, id) (npm run bench:dashboard).
 */
export function metricQueries(db: Database): Pick<DashboardStore, "metricNames" | "versionMetrics" | "versionSeries"> {
  /**
   * Runs a page's query walking `envelope_models_created` in order, so that it stops after the
   * page. Without statistics (PGlite has no autovacuum to gather them) the planner may instead
   * read every matching version (through the tags' GIN index) and sort them all: with a series
   * looked up per version, 3,333 versions of 10,000 for `stage=prod`, 460 ms instead of a page's
   * few milliseconds. A very selective query walks more of the index to
   * fill its page; at 10,000 versions that costs milliseconds.
   */
  const inIndexOrder = <T>(work: (q: Queryable) => Promise<T>) =>
    db.transaction(async (tx) => {
      await tx.query("SET LOCAL enable_sort = off");
      await tx.query("SET LOCAL enable_bitmapscan = off");
      return work(tx);
    });

  return {
    async metricNames(query) {
      const rows = await db.query<{ kind: string; name: string }>(
        `SELECT kind, name FROM (
           SELECT DISTINCT x.metric->>'kind' AS kind, x.metric->>'name' AS name
           FROM envelope_metrics x JOIN envelope_models m ON m.id = x.model_id WHERE m.tags @> $1::jsonb
         ) names ORDER BY name COLLATE "C"`,
        [JSON.stringify(query.tags)],
      );
      const named = (kind: string) => rows.filter((row) => row.kind === kind).map((row) => row.name);
      return { scalar: named("scalar"), series: named("series") };
    },

    async versionMetrics(query) {
      const params: unknown[] = [JSON.stringify(query.tags), query.limit + 1, query.metrics];
      let where = "m.tags @> $1::jsonb AND m.scalars ?& $3::text[]";
      if (query.after !== undefined) {
        // the cursor names the page's last version; its time is read here, exact to the microsecond
        const [name, version] = cursorValues(query.after, "versions", ["string", "number"]);
        where += ` AND (m.created_at, m.name COLLATE "C", m.version) > (SELECT c.created_at, c.name COLLATE "C", c.version FROM envelope_models c WHERE c.name = $${params.push(name)} AND c.version = $${params.push(version)})`;
      }
      const rows = await inIndexOrder((q) =>
        q.query<HeaderRow & { scalars: Record<string, number> }>(`SELECT ${headerColumns}, m.scalars FROM envelope_models m WHERE ${where} ORDER BY m.created_at, m.name COLLATE "C", m.version LIMIT $2`, params),
      );
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        versions: page.map((row) => ({ ...header(row), metrics: Object.fromEntries(query.metrics.map((metric) => [metric, row.scalars[metric]!])) })),
        next: rows.length > query.limit && last ? encodePageCursor("versions", [last.name, last.version]) : null,
      };
    },

    async versionSeries(query) {
      const rows = await inIndexOrder((q) =>
        q.query<HeaderRow & { points: Array<{ x: number; y: number }> }>(
          `SELECT ${headerColumns}, s.points FROM envelope_models m JOIN LATERAL (${latestMetric("series", "$2", "x.metric->'points' AS points")}) s ON true
           WHERE m.tags @> $1::jsonb ORDER BY m.created_at DESC, m.name COLLATE "C" DESC, m.version DESC LIMIT $3`,
          [JSON.stringify(query.tags), query.metric, query.last],
        ),
      );
      return rows.map((row) => ({ ...header(row), points: row.points }));
    },
  };
}
