import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CROWDING_LEVELS, crowdingOf } from "./crowding.ts";

describe("crowding (混雑度)", () => {
  it("reads the upper figure of a new ticket's wait", () => {
    expect(crowdingOf(null)).toBeNull();
    expect(crowdingOf({ low: 0, high: 5 })).toBe("quiet");
    expect(crowdingOf({ low: 10, high: 20 })).toBe("quiet");
    expect(crowdingOf({ low: 15, high: 25 })).toBe("moderate");
    expect(crowdingOf({ low: 35, high: 45 })).toBe("moderate");
    expect(crowdingOf({ low: 40, high: 50 })).toBe("busy");
  });

  it("property: a longer wait is never shown as less crowded", () => {
    fc.assert(
      fc.property(fc.nat(300), fc.nat(300), (a, b) => {
        const [short, long] = a <= b ? [a, b] : [b, a];
        const rank = (high: number) => CROWDING_LEVELS.indexOf(crowdingOf({ low: 0, high })!);
        expect(rank(short)).toBeLessThanOrEqual(rank(long));
      }),
    );
  });
});
