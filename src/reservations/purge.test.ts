import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { asCitizen, buildTenant } from "../../test/factories.ts";
import { inEveryTenant } from "../jobs.ts";
import { listAuditEvents } from "../platform/audit/store.ts";
import { startClockAt } from "../platform/clock.ts";
import type { Database } from "../platform/db/index.ts";
import { bookReservation } from "./booking.ts";
import { purgeContactData } from "./purge.ts";
import { reservationsOfDay } from "./store.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  startClockAt(undefined);
  await database.close();
});

describe("purge of reservation contact data", () => {
  it("removes contact data 30 days after the visit, keeps the counts, and audits who purged how many", async () => {
    startClockAt(new Date("2026-08-03T10:00:00+09:00"));
    const tenantId = (await buildTenant(database)).tenantId;
    for (const [i, start] of [
      "2026-08-04T09:00:00+09:00",
      "2026-08-04T09:30:00+09:00",
      "2026-08-20T09:00:00+09:00",
    ].entries()) {
      await asCitizen(database, tenantId, (ctx) =>
        bookReservation(ctx, {
          procedure: "handover",
          start,
          nameKana: "ヤマダ",
          email: `p${i}@example.jp`,
          reference: "REF-0001",
        }),
      );
    }
    startClockAt(new Date("2026-09-04T10:00:00+09:00"));
    const purge = async () =>
      (await inEveryTenant(database.db, "purge", (ctx) => purgeContactData(ctx), "test")).filter(
        (r) => r.result > 0,
      );
    expect(await purge()).toEqual([{ tenantId, result: 2 }]);
    const day = await reservationsOfDay(
      database.db,
      tenantId,
      new Date("2026-08-04T00:00:00+09:00"),
      new Date("2026-08-05T00:00:00+09:00"),
    );
    expect(day).toHaveLength(2);
    expect(
      day.every(
        (r) =>
          r.nameKana === null &&
          r.email === null &&
          r.reference === null &&
          r.purgedAt !== null &&
          r.status === "booked",
      ),
    ).toBe(true);
    const later = await reservationsOfDay(
      database.db,
      tenantId,
      new Date("2026-08-20T00:00:00+09:00"),
      new Date("2026-08-21T00:00:00+09:00"),
    );
    expect(later[0]!.email).toBe("p2@example.jp");
    const [event] = await listAuditEvents(database.db, tenantId, {
      limit: 1,
      action: "reservation.purge",
    });
    expect(event).toMatchObject({ actorId: "test", action: "reservation.purge" });
    expect(await purge()).toEqual([]);
  });
});
