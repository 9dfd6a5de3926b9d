import { expect, test } from "vitest";
import type { AlertRecord } from "../../src/store/DashboardStore.ts";
import { eachStore, unique } from "../support/eachStore.ts";

const alert = (minute: number, status: number | null): AlertRecord => ({ at: `2030-01-01T00:0${minute}:00.000Z`, kind: "ENVELOPE_TIMEOUT", text: `alert ${minute}`, status, source: "client" });

await eachStore("alertQueries", (store, ready) => {
  test.skipIf(!ready())("alerts are kept with who sent them and read newest first, a page at a time", async () => {
    const team = unique("team");
    expect(await store().recordAlerts([alert(1, 200), alert(2, null), alert(3, 500)], { user: "ada", team })).toBe(3);
    expect(await store().recordAlerts([], { user: "ada", team })).toBe(0);
    const first = await store().readAlerts({ team, limit: 2 });
    expect(first.alerts.map(({ id: _id, ...rest }) => rest)).toEqual([
      { ...alert(3, 500), user: "ada", team },
      { ...alert(2, null), user: "ada", team },
    ]);
    expect(first.alerts[0]!.id).toBeGreaterThan(first.alerts[1]!.id);
    const second = await store().readAlerts({ team, limit: 2, after: first.next! });
    expect(second.alerts.map((row) => row.text)).toEqual(["alert 1"]);
    expect(second.next).toBeNull();
    expect((await store().readAlerts({ team: unique("other"), limit: 10 })).alerts).toEqual([]);
  });
});
