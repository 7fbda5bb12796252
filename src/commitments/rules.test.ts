import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths } from "../calendar/dates.ts";
import { monthsWithoutEvidence } from "./rules.ts";

describe("months a commitment has no evidence for", () => {
  it("owes only whole months, from the first one, and a one-off only once", () => {
    expect(monthsWithoutEvidence("monthly", "2026-07", "2026-10-05", ["2026-08"])).toEqual([
      "2026-07",
      "2026-09",
    ]);
    expect(monthsWithoutEvidence("monthly", "2026-10", "2026-10-31", [])).toEqual([]);
    expect(monthsWithoutEvidence("once", "2026-07", "2026-10-05", [])).toEqual(["2026-07"]);
    expect(monthsWithoutEvidence("once", "2026-07", "2026-10-05", ["2026-09"])).toEqual([]);
    expect(monthsWithoutEvidence("monthly", "2025-12", "2026-02-01", [])).toEqual([
      "2025-12",
      "2026-01",
    ]);
  });

  it("adding evidence never adds a missing month, and every month is either covered or missing", () => {
    const month = fc
      .record({ y: fc.integer({ min: 2025, max: 2027 }), m: fc.integer({ min: 1, max: 12 }) })
      .map(({ y, m }) => `${y}-${String(m).padStart(2, "0")}`);
    fc.assert(
      fc.property(month, month, fc.array(month), month, (from, todayMonth, have, extra) => {
        const today = `${todayMonth}-15`;
        const before = monthsWithoutEvidence("monthly", from, today, have);
        const after = monthsWithoutEvidence("monthly", from, today, [...have, extra]);
        expect(after.every((m) => before.includes(m))).toBe(true);
        const owed: string[] = [];
        for (let m = from; m < todayMonth; m = addMonths(m, 1)) owed.push(m);
        expect([...before].sort()).toEqual(owed.filter((m) => !have.includes(m)));
      }),
    );
  });
});
