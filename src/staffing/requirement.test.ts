import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DayDemand } from "./demand.ts";
import { serviceLevel } from "./erlang.ts";
import { DEFAULT_TARGETS, requirementOf, scheduleSetup } from "./requirement.ts";

const TERMINAL = new Set(["handover", "ecert", "pin_reset"]);
const times = {
  handover: { meanMinutes: 12, cv: 0.5 },
  ecert: { meanMinutes: 10, cv: 0.5 },
  application: { meanMinutes: 15, cv: 0.5 },
  phone: { meanMinutes: 5, cv: 0.5 },
};
const day = (counter: Record<string, number>, phone = 0): DayDemand => ({
  date: "2026-08-04",
  kind: "weekday",
  intervals: [
    { start: 510, counter, phone, counterOpen: true, phoneOpen: true, minutes: 30 },
    { start: 540, counter: {}, phone: 0, counterOpen: true, phoneOpen: false, minutes: 30 },
    { start: 1020, counter: {}, phone: 2, counterOpen: false, phoneOpen: true, minutes: 15 },
  ],
});

describe("the requirement per interval", () => {
  it("meets the counter target with the fewest people, counting shrinkage as lost time", () => {
    const roomy = { ...DEFAULT_TARGETS, terminals: 100 };
    const [first] = requirementOf([day({ handover: 10, ecert: 5 })], times, TERMINAL, roomy)[0]!
      .intervals;
    // 30 people an hour at about 11.3 minutes, of which 10 % of staffed time is lost.
    const aht = (10 * 12 + 5 * 10) / 15;
    const staffed = aht / (1 - DEFAULT_TARGETS.shrinkage);
    const n = first!.counterRequired;
    expect(serviceLevel(30, staffed, n, 15 * 60)).toBeGreaterThanOrEqual(0.8);
    expect(serviceLevel(30, staffed, n - 1, 15 * 60)).toBeLessThan(0.8);
    expect(first!.ahtMinutes).toBeCloseTo(aht, 6);
  });

  it("keeps the counter and the phone staffed while open, even with nobody expected", () => {
    const [, quiet, evening] = requirementOf([day({ handover: 1 })], times, TERMINAL)[0]!.intervals;
    expect(quiet!.counterRequired).toBe(1);
    expect(quiet!.phoneRequired).toBe(0);
    expect(evening!.counterRequired).toBe(0);
    // Four calls an hour answered 80 % within 20 s take two people (Erlang C), not one.
    expect(evening!.phoneRequired).toBe(2);
  });

  it("says how many the terminals cannot seat instead of scheduling them", () => {
    const [busy] = requirementOf([day({ handover: 40, application: 2 })], times, TERMINAL)[0]!
      .intervals;
    expect(busy!.terminalShortfall).toBeGreaterThan(0);
    const unlimited = requirementOf([day({ handover: 40, application: 2 })], times, TERMINAL, {
      ...DEFAULT_TARGETS,
      terminals: 100,
    })[0]!.intervals[0]!;
    expect(busy!.counterRequired).toBe(unlimited.counterRequired - busy!.terminalShortfall);
  });

  it("fits the month's card setups into idle terminal time, quietest intervals first, and reports what does not fit", () => {
    const days = requirementOf(
      [day({ handover: 4 }), { ...day({ handover: 20 }), date: "2026-08-05" }],
      times,
      TERMINAL,
    );
    const planned = scheduleSetup(days, { perMonth: 40, backlog: 0, due: [] }, 6, 5, () => 1);
    const setupStaff = planned.days.flatMap((d) => d.intervals.map((i) => i.setupRequired));
    expect(setupStaff.some((n) => n > 0)).toBe(true);
    for (const d of planned.days)
      for (const i of d.intervals)
        expect(i.setupRequired + i.counterRequired).toBeLessThanOrEqual(5 + i.counterRequired);
    expect(planned.unscheduledSetups).toBe(0);
    const tooMany = scheduleSetup(days, { perMonth: 10_000, backlog: 0, due: [] }, 6, 5, () => 1);
    expect(tooMany.unscheduledSetups).toBeGreaterThan(0);
  });
});

describe("card setups with deadlines", () => {
  // Ten quiet working days (1–12 August 2026 without the weekend), one open half hour each.
  const dates = [
    "2026-08-03",
    "2026-08-04",
    "2026-08-05",
    "2026-08-06",
    "2026-08-07",
    "2026-08-10",
    "2026-08-11",
    "2026-08-12",
    "2026-08-13",
    "2026-08-14",
  ];
  const month = () =>
    requirementOf(
      dates.map((date) => ({ ...day({}), date })),
      times,
      TERMINAL,
    );
  const setupsOn = (planned: ReturnType<typeof scheduleSetup>, date: string) =>
    planned.days
      .find((d) => d.date === date)!
      .intervals.reduce((n, i) => n + (i.setupRequired * i.minutes) / 6, 0);

  it("sets up cards due by a day before that day ends, the backlog spread over the first week", () => {
    // 4 idle terminals × 30 min ÷ 6 min = 20 setups per half hour, two open half hours: 40 a day.
    const due = scheduleSetup(
      month(),
      { perMonth: 0, backlog: 40, due: [{ by: "2026-08-03", count: 40 }] },
      6,
      5,
      () => 1,
    );
    expect(setupsOn(due, "2026-08-03")).toBeGreaterThanOrEqual(40);
    expect(due.lateSetups).toBe(0);
    const plain = scheduleSetup(month(), { perMonth: 0, backlog: 40, due: [] }, 6, 5, () => 1);
    expect(setupsOn(plain, "2026-08-03")).toBeLessThan(40);
    expect(plain.unscheduledSetups).toBe(0);
  });

  it("counts a card as late when the days before its deadline have no room", () => {
    const planned = scheduleSetup(
      month(),
      { perMonth: 0, backlog: 130, due: [{ by: "2026-08-04", count: 130 }] },
      6,
      5,
      () => 1,
    );
    // One counter stays open, so 4 terminals × 5 setups × 2 half hours = 40 a day: 80 fit in time.
    expect(planned.lateSetups).toBe(50);
    expect(setupsOn(planned, "2026-08-03")).toBe(40);
    expect(planned.unscheduledSetups).toBe(0);
  });

  it("a deadline on a closed day falls on the working day before it", () => {
    const planned = scheduleSetup(
      month(),
      { perMonth: 0, backlog: 45, due: [{ by: "2026-08-09", count: 45 }] },
      6,
      5,
      () => 1,
    );
    expect(planned.lateSetups).toBe(0);
    const byFriday = dates.slice(0, 5).reduce((n, d) => n + setupsOn(planned, d), 0);
    expect(byFriday).toBeGreaterThanOrEqual(45);
  });

  it("never plans late cards that more terminals would save, nor leaves work it could do", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ by: fc.constantFrom(...dates), count: fc.integer({ min: 1, max: 80 }) }),
          { maxLength: 6 },
        ),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 6 }),
        (due, extra, perMonth, terminals) => {
          const backlog = due.reduce((n, d) => n + d.count, 0) + extra;
          const work = { perMonth, backlog, due };
          const few = scheduleSetup(month(), work, 6, terminals, () => 1);
          const more = scheduleSetup(month(), work, 6, terminals + 1, () => 1);
          expect(more.lateSetups).toBeLessThanOrEqual(few.lateSetups);
          expect(few.lateSetups).toBeLessThanOrEqual(backlog);
          // Work is left only when the last day's idle terminals (one counter open) all set up.
          if (few.unscheduledSetups > 0)
            expect(setupsOn(few, dates.at(-1)!)).toBe(2 * (terminals - 1) * 5);
        },
      ),
      { numRuns: 200 },
    );
  });
});
