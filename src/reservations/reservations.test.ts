import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { asCitizen, buildTenant } from "../../test/factories.ts";
import { listAuditEvents } from "../platform/audit/store.ts";
import { startClockAt } from "../platform/clock.ts";
import type { Database } from "../platform/db/index.ts";
import type { DomainError } from "../platform/errors.ts";
import { availableSlots, SlotFull } from "./availability.ts";
import { bookReservation } from "./booking.ts";
import { DEFAULT_RESERVATION_SETTINGS, slotsOfDay } from "./slots.ts";

let database: Database;
let tenantId: string;
beforeAll(async () => {
  startClockAt(new Date("2026-08-03T10:00:00+09:00"));
  database = await createTestDatabase();
  tenantId = (await buildTenant(database)).tenantId;
});
afterAll(async () => {
  startClockAt(undefined);
  await database.close();
});

const person = (i: number) => ({ nameKana: "ヤマダ タロウ", email: `person${i}@example.jp` });

describe("slots", () => {
  it("follows the calendar: open hours only, ending before closing, none on a closed day", () => {
    const weekday = {
      date: "2026-08-04",
      counter: { open: "08:30", close: "17:00" },
      phone: null,
      kind: "weekday" as const,
      reasons: [],
    };
    const slots = slotsOfDay(weekday, 30);
    expect(slots[0]).toEqual({ start: "08:30", end: "09:00" });
    expect(slots.at(-1)).toEqual({ start: "16:30", end: "17:00" });
    expect(slotsOfDay({ ...weekday, counter: null, kind: "holiday" }, 30)).toEqual([]);
  });

  it("offers bookable slots with their places, from 2 hours ahead, not on holidays", async () => {
    const slots = await availableSlots(
      database.db,
      tenantId,
      "handover",
      "2026-08-03",
      "2026-08-11",
    );
    // The clock started at 10:00 and runs on: 12:00 is already less than two hours away.
    expect(slots[0]!.start).toBe("2026-08-03T12:30:00+09:00");
    expect(slots[0]).toMatchObject({ capacity: 4, remaining: 4 });
    expect(slots.some((s) => s.start.startsWith("2026-08-11"))).toBe(false); // 山の日
    expect(slots.some((s) => s.start.startsWith("2026-08-08"))).toBe(false); // Saturday, not designated
  });
});

describe("booking", () => {
  it("never exceeds capacity: 100 concurrent bookings for the last 3 places → 3 succeed, 97 get slot_full", async () => {
    const start = "2026-08-04T10:00:00+09:00";
    await asCitizen(database, tenantId, (ctx) =>
      bookReservation(ctx, { procedure: "handover", start, ...person(0) }),
    );
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        asCitizen(database, tenantId, (ctx) =>
          bookReservation(ctx, { procedure: "handover", start, ...person(i + 1) }),
        ),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const full = results.filter((r) => r.status === "rejected" && r.reason instanceof SlotFull);
    expect(ok).toHaveLength(3);
    expect(full).toHaveLength(97);
    const alternatives = ((full[0] as PromiseRejectedResult).reason as DomainError).details!
      .alternatives as { start: string; remaining: number }[];
    expect(alternatives.length).toBeGreaterThan(0);
    expect(alternatives.every((a) => a.remaining > 0 && a.start > start)).toBe(true);
    const slot = (
      await availableSlots(database.db, tenantId, "handover", "2026-08-04", "2026-08-04")
    ).find((s) => s.start === start)!;
    expect(slot.remaining).toBe(0);
    const audited = await listAuditEvents(database.db, tenantId, {
      limit: 10,
      action: "reservation.book",
    });
    expect(audited.length).toBeGreaterThanOrEqual(4);
  });

  it(`limits one person to ${DEFAULT_RESERVATION_SETTINGS.maxFuturePerPerson} future reservations, even when asked at once`, async () => {
    const starts = [
      "2026-08-05T09:00:00+09:00",
      "2026-08-05T09:30:00+09:00",
      "2026-08-05T10:00:00+09:00",
      "2026-08-05T10:30:00+09:00",
    ];
    const results = await Promise.allSettled(
      starts.map((start) =>
        asCitizen(database, tenantId, (ctx) =>
          bookReservation(ctx, {
            procedure: "ecert",
            start,
            nameKana: "スズキ ハナコ",
            phone: "0258-39-2222",
          }),
        ),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect(
      results
        .filter((r) => r.status === "rejected")
        .map((r) => ((r as PromiseRejectedResult).reason as DomainError).code),
    ).toEqual(["too_many_reservations", "too_many_reservations"]);
  });

  it("refuses a time that is not a slot, a bad contact, and names not in kana", async () => {
    const at = (start: string, extra = {}) =>
      asCitizen(database, tenantId, (ctx) =>
        bookReservation(ctx, {
          procedure: "handover",
          start,
          ...person(500),
          ...extra,
        }),
      ).catch((e: DomainError) => e.code);
    expect(await at("2026-08-04T10:10:00+09:00")).toBe("not_a_slot");
    expect(await at("2026-08-03T10:30:00+09:00")).toBe("not_a_slot"); // less than 2 hours ahead
    expect(await at("2026-08-06T09:00:00+09:00", { nameKana: "Yamada" })).toBe("invalid_name_kana");
    expect(await at("2026-08-06T09:00:00+09:00", { email: "not-an-address" })).toBe(
      "invalid_email",
    );
  });
});
