import { describe, expect, it } from "vitest";
import { monthlyAverage } from "./workload.ts";

describe("cards received per month, for the planner", () => {
  const received = [
    { month: "2026-03", count: 40 },
    { month: "2026-04", count: 1000 },
    { month: "2026-06", count: 1100 },
  ];
  it("averages the whole months after the first delivery, a month without one counting as none", () => {
    // March is the first month of stock (partial); April to July are whole: (1000 + 0 + 1100 + 0) / 4.
    expect(monthlyAverage(received, "2026-03-20", "2026-02-01", "2026-07-31")).toBe(525);
    // A window ending mid-month leaves that month out.
    expect(monthlyAverage(received, "2026-03-20", "2026-02-01", "2026-06-15")).toBe(500);
  });
  it("knows nothing before a whole month of stock", () => {
    expect(monthlyAverage([], null, "2026-02-01", "2026-07-31")).toBeNull();
    expect(monthlyAverage(received, "2026-07-02", "2026-02-01", "2026-07-31")).toBeNull();
  });
});
