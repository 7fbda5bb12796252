import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coverDay, type DayCoverInput } from "./dayCover.ts";
import type { PlanPerson } from "./model.ts";
import type { PlanInterval } from "./plan.ts";

const DATE = "2026-08-04"; // a Tuesday
const person = (id: string, over: Partial<PlanPerson> = {}): PlanPerson => ({
  id,
  name: id,
  counter: true,
  phone: false,
  backOffice: false,
  lead: false,
  weeklyHourLimit: 40,
  availability: { "2": { from: "08:30", to: "17:30" } },
  activeFrom: "2026-04-01",
  activeTo: null,
  ...over,
});
// 09:00–13:00, two at the counter every half hour.
const intervals: PlanInterval[] = Array.from({ length: 8 }, (_, n) => {
  const m = 9 * 60 + n * 30;
  return {
    start: `${DATE}T${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}:00+09:00`,
    minutes: 30,
    counterRequired: 2,
    counterScheduled: 0,
    phoneRequired: 0,
    phoneScheduled: 0,
    setupRequired: 0,
    arrivals: 10,
    counterOpen: true,
  };
});
const shift = (personId: string, start = "09:00", end = "13:00") => ({
  personId,
  date: DATE,
  start,
  end,
  breakStart: null,
  breakEnd: null,
});
const base = (over: Partial<DayCoverInput> = {}): DayCoverInput => ({
  date: DATE,
  intervals,
  shifts: [shift("lead"), shift("a")],
  people: [
    person("lead", { lead: true }),
    person("a"),
    person("b"),
    person("phone", { counter: false, phone: true }),
  ],
  absent: new Set(),
  weekHours: new Map(),
  earliest: 0,
  ...over,
});

describe("the same-day re-plan", () => {
  it("covers an absent clerk with someone not yet working, keeping those at work where they are", () => {
    const cover = coverDay(base({ absent: new Set(["a"]), earliest: 9 * 60 + 30 }));
    expect(cover.kept.map((s) => s.personId)).toEqual(["lead"]);
    expect(cover.before.counter).toBe(8);
    expect(cover.added.map((s) => s.personId)).toEqual(["b"]);
    // Now is 09:30: the earliest cover starts then, and the first half hour stays short.
    expect(cover.added[0]!.start).toBe("09:30");
    expect(cover.after.counter).toBe(1);
    expect(cover.intervals[1]).toMatchObject({
      counterRequired: 2,
      counterBefore: 1,
      counterAfter: 2,
    });
  });

  it("adds nobody beyond their weekly hours, nor a phone-only person to the counter", () => {
    const cover = coverDay(base({ absent: new Set(["a"]), weekHours: new Map([["b", 38]]) }));
    expect(cover.added).toEqual([]);
    expect(cover.after).toEqual(cover.before);
  });

  it("brings a lead when the lead is absent", () => {
    const cover = coverDay(
      base({
        absent: new Set(["lead"]),
        people: [person("lead", { lead: true }), person("a"), person("deputy", { lead: true })],
      }),
    );
    expect(cover.before.lead).toBe(8);
    expect(cover.added.map((s) => s.personId)).toEqual(["deputy"]);
    expect(cover.after).toEqual({ counter: 0, phone: 0, lead: 0 });
  });

  it("never leaves the day worse, adds only people free that day, within their hours and after now", () => {
    const ids = ["lead", "a", "b", "c", "d"];
    fc.assert(
      fc.property(
        fc.subarray(ids),
        fc.subarray(ids),
        fc.integer({ min: 0, max: 16 }),
        (working, absentList, half) => {
          const earliest = 8 * 60 + half * 30;
          const absent = new Set(absentList);
          const cover = coverDay(
            base({
              shifts: working.map((id) => shift(id)),
              people: ids.map((id) => person(id, { lead: id === "lead" })),
              absent,
              earliest,
            }),
          );
          const weight = (s: { counter: number; phone: number; lead: number }) =>
            s.counter + s.phone + s.lead;
          expect(weight(cover.after)).toBeLessThanOrEqual(weight(cover.before));
          for (const s of cover.added) {
            expect(absent.has(s.personId)).toBe(false);
            expect(cover.kept.some((k) => k.personId === s.personId)).toBe(false);
            expect(
              s.start >=
                `${String(Math.floor(earliest / 60)).padStart(2, "0")}:${String(earliest % 60).padStart(2, "0")}`,
            ).toBe(true);
            expect(s.start >= "08:30" && s.end <= "17:30").toBe(true);
          }
          expect(new Set(cover.added.map((s) => s.personId)).size).toBe(cover.added.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});
