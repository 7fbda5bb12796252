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
    const planned = scheduleSetup(days, 40, 6, 5, () => 1);
    const setupStaff = planned.days.flatMap((d) => d.intervals.map((i) => i.setupRequired));
    expect(setupStaff.some((n) => n > 0)).toBe(true);
    for (const d of planned.days)
      for (const i of d.intervals)
        expect(i.setupRequired + i.counterRequired).toBeLessThanOrEqual(5 + i.counterRequired);
    expect(planned.unscheduledSetups).toBe(0);
    const tooMany = scheduleSetup(days, 10_000, 6, 5, () => 1);
    expect(tooMany.unscheduledSetups).toBeGreaterThan(0);
  });
});
