import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../calendar/dates.ts";
import { type BusinessDay, businessDay, DEFAULT_SETTINGS } from "../calendar/rules.ts";
import type { ServedRecord } from "./demand.ts";
import { countsOf, countsOfDemand, forecastDemand, seasonalNaive, wape } from "./forecast.ts";

const facts = {
  serviceStart: "2026-02-02",
  contractEnd: "2027-01-31",
  settings: DEFAULT_SETTINGS,
  weekendOpenings: new Set<string>(),
  exceptions: [],
};
const range = (from: string, to: string) => {
  const out: BusinessDay[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(businessDay(d, facts));
  return out;
};
const open = (d: BusinessDay) => d.counter !== null;

/** A month's `total` visits spread evenly over its open days, ten a half hour from 09:00. */
function month(days: BusinessDay[], total: number): ServedRecord[] {
  const served = days.filter(open);
  const out: ServedRecord[] = [];
  served.forEach((d, k) => {
    const n = Math.floor(total / served.length) + (k < total % served.length ? 1 : 0);
    for (let i = 0; i < n; i++)
      out.push({
        serviceDay: d.date,
        procedureCode: i % 2 ? "ecert" : "handover",
        channel: "counter",
        arrivedAt: 9 * 60 + (i % 16) * 30,
        serviceMinutes: 10,
      });
  });
  return out;
}
const sum = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);

describe("the forecast", () => {
  const history = [
    ...month(range("2026-03-01", "2026-03-31"), 3000),
    ...month(range("2026-04-01", "2026-04-30"), 2600),
    ...month(range("2026-05-01", "2026-05-31"), 2000),
  ];
  const june = range("2026-06-01", "2026-06-30");

  it("gives the month the total of the last complete month, whatever its number of days", () => {
    const demand = forecastDemand(june, history, range("2026-03-01", "2026-05-31"))!;
    expect(sum(countsOfDemand(demand))).toBeCloseTo(2000, 6);
  });

  it("grosses up a month the records reach only half of, by the share of its shape passed", () => {
    const halfMay = history.filter((r) => r.serviceDay <= "2026-05-15");
    // The calendar to the month's end (as a plan made on the 15th reads it): May from its half.
    const grossed = forecastDemand(june, halfMay, range("2026-03-01", "2026-05-31"))!;
    expect(Math.abs(sum(countsOfDemand(grossed)) / 2000 - 1)).toBeLessThan(0.05);
    // The calendar stops with the records: the share passed is unknown, April counts.
    const stopped = forecastDemand(june, halfMay, range("2026-03-01", "2026-05-15"))!;
    expect(sum(countsOfDemand(stopped))).toBeCloseTo(2600, 6);
  });

  it("measures WAPE: zero for a perfect forecast, the whole for none, symmetric in the cells", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20), { minLength: 1, maxLength: 40 }), (ns) => {
        const actual = new Map(ns.map((n, i) => [`2026-06-01|handover|${i * 30}`, n + 1]));
        expect(wape(actual, actual, "half_hour")).toBe(0);
        expect(wape(actual, new Map(), "day")).toBe(1);
        const doubled = new Map([...actual].map(([k, v]) => [k, 2 * v]));
        expect(wape(actual, doubled, "day_procedure")).toBeCloseTo(1, 9);
      }),
    );
  });

  it("forecasts seasonal-naive from the same weekday of the four weeks before", () => {
    const naive = seasonalNaive(june, history, "2026-05-31");
    const mondays = june.filter((d) => open(d) && new Date(d.date).getUTCDay() === 1);
    const mayMondays = history.filter(
      (r) => r.serviceDay >= "2026-05-04" && new Date(r.serviceDay).getUTCDay() === 1,
    );
    const perMonday = mayMondays.length / new Set(mayMondays.map((r) => r.serviceDay)).size;
    const firstMonday = [...naive].filter(([k]) => k.startsWith(mondays[0]!.date));
    expect(firstMonday.reduce((s, [, v]) => s + v, 0)).toBeCloseTo(perMonday, 6);
    expect(sum(countsOf(history))).toBe(7600);
  });
});
