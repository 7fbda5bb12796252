import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTenant,
  buildTestApp,
  buildUser,
  type Client,
  signInAs,
  type TestApp,
} from "../../test/factories.ts";
import { startClockAt } from "../platform/clock.ts";

/** 予約の方の受付 at the kiosk: the booking code becomes a ticket; nothing personal comes back. */
let t: TestApp;
let tenantId: string;
let kiosk: Client;
const book = async (start: string, email: string) =>
  (
    await t.app.inject({
      method: "POST",
      url: `/api/v1/public/${tenantId}/reservations`,
      payload: { procedure: "handover", start, nameKana: "タナカ イチロウ", email },
    })
  ).json() as { code: string };

beforeAll(async () => {
  startClockAt(new Date("2026-08-03T10:00:00+09:00"));
  t = await buildTestApp();
  tenantId = (await buildTenant(t.database)).tenantId;
  kiosk = await signInAs(
    t.app,
    tenantId,
    (await buildUser(t.database, tenantId, "kiosk")).username,
  );
});
afterAll(async () => {
  startClockAt(undefined);
  await t.close();
});

describe("check-in by code at the kiosk", () => {
  it("turns today's booking into a ticket once, and refuses other days and unknown codes alike", async () => {
    const today = await book("2026-08-04T10:00:00+09:00", "tanaka@example.jp");
    const later = await book("2026-08-05T10:00:00+09:00", "sato@example.jp");
    startClockAt(new Date("2026-08-04T09:45:00+09:00"));

    const checkedIn = await kiosk.request("POST", "/api/v1/reservations/check-in-by-code", {
      code: today.code.toLowerCase(),
    });
    expect(checkedIn.statusCode).toBe(200);
    expect(checkedIn.json()).toMatchObject({ status: "waiting", procedures: ["handover"] });
    expect(checkedIn.json().number).toMatch(/^A\d{3}$/);
    expect(checkedIn.body).not.toContain("tanaka");
    expect(checkedIn.body).not.toContain("タナカ");

    for (const code of [today.code, later.code, "ZZZZ-ZZZZ"]) {
      const refused = await kiosk.request("POST", "/api/v1/reservations/check-in-by-code", {
        code,
      });
      expect(refused.statusCode).toBe(404);
      expect(refused.json().code).toBe("reservation_not_found_today");
    }
  });
});
