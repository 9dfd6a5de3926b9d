import type { AlertSource, DashboardStore } from "./DashboardStore.ts";
import type { Database } from "./Database.ts";
import { cursorValues, encodePageCursor } from "./pageCursor.ts";

interface AlertRow {
  id: number;
  at: Date | string;
  kind: string;
  text: string;
  status: number | null;
  source: AlertSource;
  user_name: string | null;
  team: string | null;
}

/** The alerts clients and services say they posted: recorded in one statement per request, read newest first by id. */
export function alertQueries(db: Database): Pick<DashboardStore, "recordAlerts" | "readAlerts"> {
  return {
    async recordAlerts(alerts, by) {
      if (alerts.length === 0) return 0;
      const rows = alerts.map((alert) => [alert.at, alert.kind, alert.text, alert.status, alert.source]);
      await db.query(
        `INSERT INTO envelope_alerts (at, kind, text, status, source, user_name, team)
         SELECT (a->>0)::timestamptz, a->>1, a->>2, (a->>3)::int, a->>4, $2, $3
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS batch(a, n) ORDER BY n`,
        [JSON.stringify(rows), by.user, by.team],
      );
      return alerts.length;
    },

    async readAlerts(query) {
      const params: unknown[] = [query.limit + 1];
      let where = "true";
      if (query.team !== undefined) where += ` AND team = $${params.push(query.team)}`;
      if (query.after !== undefined) where += ` AND id < $${params.push(cursorValues(query.after, "alerts", ["number"])[0])}`;
      const rows = await db.query<AlertRow>(`SELECT * FROM envelope_alerts WHERE ${where} ORDER BY id DESC LIMIT $1`, params);
      const page = rows.slice(0, query.limit);
      return {
        alerts: page.map((row) => ({ id: row.id, at: new Date(row.at).toISOString(), kind: row.kind, text: row.text, status: row.status, source: row.source, user: row.user_name, team: row.team })),
        next: rows.length > query.limit ? encodePageCursor("alerts", [page.at(-1)!.id]) : null,
      };
    },
  };
}
