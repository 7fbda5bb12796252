import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { systemActor } from "../platform/actor.ts";
import { findUserByName } from "../platform/auth/users.ts";
import type { Database } from "../platform/db/index.ts";
import { runOperation } from "../platform/operation.ts";
import { DEMO_TENANT } from "../platform/tenancy/tenant.ts";
import { rosterOf } from "../roster/entries.ts";
import { requireReadyToServe } from "../roster/readiness.ts";

const readyToServe = (
  database: { db: Parameters<typeof runOperation>[0] },
  tenantId: string,
  userId: string,
) => runOperation(database.db, systemActor(tenantId), (ctx) => requireReadyToServe(ctx, userId));

import { seedDemoIfEmpty, seedDemoRosterIfMissing } from "./seed.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoIfEmpty(database.db, "demo password 1");
});
afterAll(async () => {
  await database.close();
});

const tenantId = DEMO_TENANT.tenantId;

describe("demo roster", () => {
  it("links the demo staff, deputy and manager to trained people, with a qualified manager", async () => {
    const roster = await rosterOf(database.db, tenantId);
    expect(roster.length).toBeGreaterThanOrEqual(12);
    expect(roster.every((p) => p.mandatoryTrainingComplete)).toBe(true);
    const counterStaff = roster.filter((p) => p.roles.includes("counter"));
    expect(counterStaff.length).toBeGreaterThanOrEqual(6);
    expect(roster.filter((p) => p.roles.includes("phone")).length).toBeGreaterThanOrEqual(2);
    for (const username of ["staff", "deputy", "manager"]) {
      const user = await findUserByName(database.db, tenantId, username);
      const person = await readyToServe(database, tenantId, user!.userId);
      if (username !== "staff") expect(person.designation).toBe(username);
    }
  });

  it("gives data made before the roster existed its demo roster at the next start", async () => {
    for (const table of [
      "training_attendance",
      "training_sessions",
      "roster_shifts",
      "roster_people",
    ])
      await database.db.execute(sql.raw(`delete from ${table} where tenant_id = '${tenantId}'`));
    const staff = await findUserByName(database.db, tenantId, "staff");
    await expect(readyToServe(database, tenantId, staff!.userId)).rejects.toMatchObject({
      code: "not_on_roster",
    });
    await seedDemoRosterIfMissing(database.db);
    await seedDemoRosterIfMissing(database.db); // once only
    expect((await rosterOf(database.db, tenantId)).length).toBe(12);
    await expect(readyToServe(database, tenantId, staff!.userId)).resolves.toBeTruthy();
  });
});
