import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { erlangB, erlangC, meanWaitMinutes, requiredAgents, serviceLevel } from "./erlang.ts";

describe("Erlang B and C against published values", () => {
  it("matches the Erlang B table (A = 5, N = 5: 0.2849; A = 10, N = 10: 0.2146; A = 2, N = 2: 0.4)", () => {
    expect(erlangB(5, 5)).toBeCloseTo(0.2849, 4);
    expect(erlangB(10, 10)).toBeCloseTo(0.2146, 4);
    expect(erlangB(2, 2)).toBeCloseTo(0.4, 10);
  });

  it("matches the closed forms of M/M/1 (C = ρ) and M/M/2 (C = 2ρ²/(1+ρ))", () => {
    for (const rho of [0.1, 0.5, 0.9]) {
      expect(erlangC(rho, 1)).toBeCloseTo(rho, 12);
      expect(erlangC(2 * rho, 2)).toBeCloseTo((2 * rho * rho) / (1 + rho), 12);
    }
  });

  it("matches the Erlang C table (A = 10, N = 11: 0.6821) and the textbook call-centre example", () => {
    expect(erlangC(10, 11)).toBeCloseTo(0.6821, 4);
    // 360 calls per half hour, 4-minute calls, 55 agents: 48 Erlangs, about 24 % wait, an
    // average speed of answer of 8.2 s and 84.6 % answered within 15 s.
    expect(erlangC(48, 55)).toBeCloseTo(0.2387, 4);
    expect(meanWaitMinutes(720, 4, 55) * 60).toBeCloseTo(8.18, 2);
    expect(serviceLevel(720, 4, 55, 15)).toBeCloseTo(0.8459, 4);
  });

  it("stays finite and ordered at 500 Erlangs (no factorial overflow)", () => {
    const c = erlangC(500, 520);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
    expect(erlangC(500, 530)).toBeLessThan(c);
    expect(Number.isFinite(requiredAgents(30_000, 1, 0.8, 20))).toBe(true);
  });

  it("gives 1 when the agents cannot keep up, and a service level of 0", () => {
    expect(erlangC(10, 10)).toBe(1);
    expect(erlangC(10, 9)).toBe(1);
    expect(serviceLevel(600, 1, 10, 20)).toBe(0);
  });
});

describe("required agents", () => {
  it("is the least number meeting the target (80 % within 20 s for 720 calls an hour of 4 min)", () => {
    const n = requiredAgents(720, 4, 0.8, 20);
    expect(serviceLevel(720, 4, n, 20)).toBeGreaterThanOrEqual(0.8);
    expect(serviceLevel(720, 4, n - 1, 20)).toBeLessThan(0.8);
    expect(n).toBe(54);
  });

  it("honours an occupancy limit", () => {
    // 48 Erlangs at most 85 % busy: at least 57 agents, whatever the service level says.
    expect(requiredAgents(720, 4, 0.5, 60, 0.85)).toBe(57);
  });

  it("never asks for fewer agents when more people come, or a stricter target is set", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 400, noNaN: true }),
        fc.double({ min: 1, max: 30, noNaN: true }),
        fc.double({ min: 0.5, max: 0.95, noNaN: true }),
        fc.integer({ min: 5, max: 900 }),
        (arrivals, aht, target, seconds) => {
          const n = requiredAgents(arrivals, aht, target, seconds);
          expect(requiredAgents(arrivals * 1.2, aht, target, seconds)).toBeGreaterThanOrEqual(n);
          expect(
            requiredAgents(arrivals, aht, Math.min(0.99, target + 0.04), seconds),
          ).toBeGreaterThanOrEqual(n);
          expect(serviceLevel(arrivals, aht, n, seconds)).toBeGreaterThanOrEqual(target);
        },
      ),
      { numRuns: 200 },
    );
  });
});
