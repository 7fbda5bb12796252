import { describe, expect, it } from "vitest";
import { addDays, weekday } from "../calendar/dates.ts";
import { type BusinessDay, businessDay, DEFAULT_SETTINGS } from "../calendar/rules.ts";
import { DEMO_TENANT } from "../platform/tenancy/tenant.ts";
import {
  COUNTER_PROCEDURES,
  learnedDemand,
  referenceDemand,
  type ServedRecord,
  serviceTimes,
} from "./demand.ts";

const facts = {
  serviceStart: "2026-02-02",
  contractEnd: "2027-01-31",
  settings: DEFAULT_SETTINGS,
  weekendOpenings: new Set(["2026-08-22"]),
  exceptions: [],
};
function month(first: string, last: string): BusinessDay[] {
  const out: BusinessDay[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) out.push(businessDay(d, facts));
  return out;
}
const august = month("2026-08-01", "2026-08-31");
const volumes = DEMO_TENANT.reference.monthlyVolumes;
const total = (days: ReturnType<typeof referenceDemand>, code: string) =>
  days.reduce(
    (s, d) =>
      s +
      d.intervals.reduce((t, i) => t + (code === "phone" ? i.phone : (i.counter[code] ?? 0)), 0),
    0,
  );

describe("demand from the reference volumes", () => {
  const demand = referenceDemand(august, volumes);

  it("spreads each procedure's monthly volume over the open half hours, to the person", () => {
    for (const code of [...COUNTER_PROCEDURES, "phone"])
      expect(total(demand, code)).toBeCloseTo(volumes[code] ?? 0, 6);
  });

  it("puts people only in counter hours, with the evening of the 1st and 3rd Thursday and the weekend opening", () => {
    for (const day of demand)
      for (const i of day.intervals)
        if (!i.counterOpen) expect(Object.values(i.counter).every((x) => x === 0)).toBe(true);
    const thursday = demand.find((d) => d.date === "2026-08-06")!;
    expect(thursday.intervals.some((i) => i.start >= 17 * 60 && i.counterOpen)).toBe(true);
    const saturday = demand.find((d) => d.date === "2026-08-22")!;
    expect(saturday.intervals.filter((i) => i.counterOpen).length).toBe(6);
    expect(demand.some((d) => d.date === "2026-08-23")).toBe(false);
  });

  it("keeps the phone's last quarter hour (17:00–17:15) as an interval of its own length", () => {
    const monday = demand.find((d) => d.date === "2026-08-03")!;
    const last = monday.intervals.at(-1)!;
    expect(last).toMatchObject({
      start: 17 * 60,
      minutes: 15,
      phoneOpen: true,
      counterOpen: false,
    });
    expect(last.phone).toBeGreaterThan(0);
    expect(monday.intervals.filter((i) => i.minutes !== 30)).toHaveLength(1);
  });

  it("makes Mondays, the day after a holiday and the month's end busier, and the morning than the lunch hour", () => {
    const dayTotal = (date: string) =>
      demand
        .find((d) => d.date === date)!
        .intervals.reduce((s, i) => s + Object.values(i.counter).reduce((a, b) => a + b, 0), 0);
    expect(dayTotal("2026-08-03")).toBeGreaterThan(dayTotal("2026-08-05")); // Monday > Wednesday
    expect(dayTotal("2026-08-12")).toBeGreaterThan(dayTotal("2026-08-05")); // after 山の日
    expect(dayTotal("2026-08-31")).toBeGreaterThan(dayTotal("2026-08-24")); // month end
    const tuesday = demand.find((d) => d.date === "2026-08-04")!.intervals;
    const at = (m: number) => tuesday.find((i) => i.start === m)!.counter.handover!;
    expect(at(9 * 60 + 30)).toBeGreaterThan(at(12 * 60));
  });
});

describe("demand learned from history", () => {
  const spring = month("2026-04-01", "2026-07-31");
  // A history where Monday mornings at 09:00 bring 6 handovers and every other half hour 1.
  const history: ServedRecord[] = [];
  for (const day of spring) {
    if (!day.counter || day.kind === "weekend_opening") continue;
    for (let start = 8 * 60 + 30; start < 17 * 60; start += 30) {
      const n = weekday(day.date) === 1 && start === 9 * 60 ? 6 : 1;
      for (let k = 0; k < n; k++)
        history.push({
          serviceDay: day.date,
          procedureCode: "handover",
          channel: "counter",
          arrivedAt: start + k,
          serviceMinutes: 12,
        });
    }
  }

  it("needs eight weeks of service days", () => {
    expect(learnedDemand(august, history.slice(0, 500), spring)).toBeNull();
  });

  it("learns each weekday's half hours and keeps the calendar's effects", () => {
    const learned = learnedDemand(august, history, spring)!;
    const tuesday = learned.find((d) => d.date === "2026-08-04")!;
    const monday = learned.find((d) => d.date === "2026-08-17")!;
    const at = (d: typeof monday, m: number) =>
      d.intervals.find((i) => i.start === m)!.counter.handover!;
    expect(at(monday, 9 * 60)).toBeCloseTo(6, 0);
    expect(at(tuesday, 9 * 60)).toBeCloseTo(1, 0);
    // The last business day of the month carries the month-end effect on top.
    const last = learned.find((d) => d.date === "2026-08-31")!; // a Monday
    expect(at(last, 9 * 60)).toBeGreaterThan(at(monday, 9 * 60));
  });
});

describe("service times", () => {
  it("fits mean and spread from the records, else uses the standard minutes", () => {
    const records: ServedRecord[] = Array.from({ length: 40 }, (_, i) => ({
      serviceDay: "2026-07-01",
      procedureCode: "ecert",
      channel: "counter" as const,
      arrivedAt: 600,
      serviceMinutes: i % 2 === 0 ? 8 : 12,
    }));
    const times = serviceTimes(records, { ecert: 10, handover: 12 });
    expect(times.ecert!.meanMinutes).toBeCloseTo(10, 6);
    expect(times.ecert!.cv).toBeCloseTo(0.2026, 3);
    expect(times.handover).toEqual({ meanMinutes: 12, cv: 0.5 });
  });
});
