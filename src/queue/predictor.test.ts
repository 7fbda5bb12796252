import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulate } from "../../bench/simulation.ts";
import { createTestDatabase } from "../../test/db.ts";
import type { Database } from "../platform/db/index.ts";
import { accuracyOf } from "./accuracy.ts";
import { predictWait, waitRange } from "./predictor.ts";

const base = {
  observed: new Map(),
  standardMinutes: new Map([["handover", 10]]),
  ticket: { procedureCodes: ["handover"] },
  naive: { ahead: 0, meanMinutes: 10, openCounters: 1 },
};

describe("wait predictor", () => {
  it("says no counter is open instead of giving a number", () => {
    expect(predictWait({ ...base, ahead: [], servers: [] })).toEqual({
      available: false,
      reason: "no_counter_open",
    });
  });

  it("grows with the queue and shrinks with more counters", () => {
    const ahead = Array.from({ length: 6 }, () => ({ procedureCodes: ["handover"] }));
    const one = predictWait({ ...base, ahead, servers: [{}] });
    const three = predictWait({ ...base, ahead, servers: [{}, {}, {}] });
    if (!one.available || !three.available) throw new Error("expected estimates");
    expect(one.median).toBeGreaterThan(50);
    expect(three.median).toBeLessThan(one.median / 2);
    expect(one.p90).toBeGreaterThan(one.median);
  });

  it("counts on a counter closing for a break", () => {
    const ahead = Array.from({ length: 6 }, () => ({ procedureCodes: ["handover"] }));
    const both = predictWait({ ...base, ahead, servers: [{}, {}] });
    const oneLeaves = predictWait({ ...base, ahead, servers: [{}, { availableFor: 5 }] });
    if (!both.available || !oneLeaves.available) throw new Error("expected estimates");
    expect(oneLeaves.median).toBeGreaterThan(both.median * 1.4);
  });

  it("shows a range rounded to five minutes", () => {
    expect(waitRange({ median: 17, p90: 26 })).toEqual({ low: 15, high: 30 });
    expect(waitRange({ median: 1, p90: 2 })).toEqual({ low: 0, high: 5 });
  });

  it("measures accuracy against actual waits and the naive estimate", () => {
    const t = (issued: number, called: number, median: number, p90: number, naive: number) => ({
      issuedAt: new Date(issued * 60_000),
      calledAt: new Date(called * 60_000),
      estimateMedian: median,
      estimateP90: p90,
      estimateNaive: naive,
    });
    const report = accuracyOf([t(0, 10, 10, 15, 20), t(0, 30, 20, 25, 10)]);
    expect(report).toMatchObject({
      tickets: 2,
      medianAbsoluteErrorMean: 5,
      naiveAbsoluteErrorMean: 15,
      ratioToNaive: 0.33,
      longerThanShown: 0.5,
      meanActualWait: 20,
    });
  });
});

describe("on a simulated day (seeded)", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it("beats the naive estimate, and few wait longer than the range they were shown", async () => {
    const { overall } = await simulate({ database, days: 2, seed: 7 });
    console.info("predictor on 2 simulated days (seed 7):", JSON.stringify(overall));
    expect(overall.tickets).toBeGreaterThan(150);
    expect(overall.ratioToNaive!).toBeLessThan(0.95);
    expect(overall.longerThanShown).toBeLessThan(0.15);
  }, 240_000);
});
