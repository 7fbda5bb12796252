import { describe, expect, it } from "vitest";
import { meanWaitMinutes, serviceLevel } from "./erlang.ts";
import { type SimDay, simulateDay, simulateMonth } from "./simulate.ts";

const stationary = (perHour: number, servers: number, minutes: number): SimDay => ({
  arrivals: [{ start: 0, end: minutes, perHour: { x: perHour } }],
  servers: [{ start: 0, end: minutes, count: servers }],
});
const exponential = (mean: number) => ({
  times: { x: { meanMinutes: mean, cv: 1, exponential: true } },
  terminalProcedures: new Set<string>(),
  terminals: 99,
  targetMinutes: 5,
  warmupMinutes: 300,
});

describe("the simulator against Erlang C (stationary M/M/N)", () => {
  for (const [perHour, mean, servers] of [
    [30, 10, 7],
    [24, 12, 6],
    [60, 4, 5],
  ] as const) {
    it(`λ = ${perHour}/h, ${mean}-minute service, ${servers} servers: the service level in the simulation's 95 % interval`, () => {
      const result = simulateMonth([stationary(perHour, servers, 6000)], exponential(mean), 20, 7);
      const theory = serviceLevel(perHour, mean, servers, 5 * 60);
      expect(theory).toBeGreaterThanOrEqual(result.ciLow);
      expect(theory).toBeLessThanOrEqual(result.ciHigh);
      expect(result.meanWaitMinutes).toBeCloseTo(meanWaitMinutes(perHour, mean, servers), 0);
    });
  }
});

describe("the simulated counter", () => {
  it("is reproducible from its seed", () => {
    const day = stationary(30, 4, 480);
    const options = { ...exponential(7), warmupMinutes: 0 };
    expect(simulateDay(day, options, 3)).toEqual(simulateDay(day, options, 3));
    expect(simulateDay(day, options, 3)).not.toEqual(simulateDay(day, options, 4));
  });

  it("waits longer with fewer staff, and never serves more terminal visits at once than terminals", () => {
    const options = {
      times: { t: { meanMinutes: 10, cv: 0.4 } },
      terminalProcedures: new Set(["t"]),
      terminals: 2,
      targetMinutes: 15,
    };
    const day = (servers: number): SimDay => ({
      arrivals: [{ start: 0, end: 480, perHour: { t: 15 } }],
      servers: [{ start: 0, end: 480, count: servers }],
    });
    const five = simulateMonth([day(5)], options, 10, 1);
    const two = simulateMonth([day(2)], options, 10, 1);
    // Five staff but two terminals serve like two staff: the terminals are the limit.
    expect(five.serviceLevel).toBeCloseTo(two.serviceLevel, 6);
    const three = simulateMonth([day(3)], { ...options, terminals: 3 }, 10, 1);
    expect(three.serviceLevel).toBeGreaterThan(two.serviceLevel);
    expect(three.meanWaitMinutes).toBeLessThan(two.meanWaitMinutes);
  });

  it("serves everyone in line at closing, and counts breaks as time nobody serves", () => {
    const day: SimDay = {
      arrivals: [{ start: 0, end: 120, perHour: { x: 20 } }],
      servers: [
        { start: 0, end: 60, count: 1 },
        { start: 60, end: 90, count: 0 },
        { start: 90, end: 120, count: 1 },
      ],
    };
    const run = simulateDay(day, { ...exponential(5), warmupMinutes: 0 }, 11);
    expect(run.waits.length).toBeGreaterThan(20);
    expect(run.staffedMinutes).toBe(90);
  });
});
