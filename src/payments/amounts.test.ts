import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ContractTerms, DEMO_TERMS, paymentAmount, taxOf } from "./amounts.ts";

const base: ContractTerms = { ...DEMO_TERMS, monthlyCap: null };
const counts = { handover: 1000, ecert: 900, phone: 250, setup: 0 };

describe("the month's payment", () => {
  it("is the fixed fee alone under a fixed-fee contract, whatever was done", () => {
    const a = paymentAmount({ ...base, feeModel: "fixed", monthlyFee: 2_345_678 }, counts);
    expect(a).toMatchObject({ fixed: 2_345_678, lines: [], subtotal: 2_345_678, capped: false });
    // 10 % of 2,345,678 is 234,567.8: rounded down by default.
    expect(a.tax).toBe(234_567);
    expect(a.total).toBe(2_580_245);
  });

  it("is unit prices times the inspected completed counts under a unit-price contract", () => {
    const a = paymentAmount({ ...base, feeModel: "unit" }, counts);
    expect(a.fixed).toBe(0);
    const handover = a.lines.find((l) => l.category === "handover")!;
    expect(handover).toEqual({
      category: "handover",
      count: 1000,
      unitPrice: 450,
      amount: 450_000,
    });
    expect(a.subtotal).toBe(1000 * 450 + 900 * 300 + 250 * 200);
    expect(a.lines.find((l) => l.category === "application")).toMatchObject({
      count: 0,
      amount: 0,
    });
  });

  it("adds both under a mixed contract, and never exceeds the cap before tax", () => {
    const a = paymentAmount({ ...base, feeModel: "mixed" }, counts);
    expect(a.subtotal).toBe(2_400_000 + 770_000);
    const capped = paymentAmount({ ...base, monthlyCap: 3_000_000 }, counts);
    expect(capped).toMatchObject({ subtotal: 3_170_000, capped: true, taxable: 3_000_000 });
    expect(capped.tax).toBe(300_000);
    expect(capped.total).toBe(3_300_000);
  });

  it("rounds the consumption tax as the contract says, exactly (no binary drift)", () => {
    expect(taxOf(1_234_567, 10, "floor")).toBe(123_456);
    expect(taxOf(1_234_567, 10, "ceil")).toBe(123_457);
    expect(taxOf(1_234_567, 10, "round")).toBe(123_457);
    expect(taxOf(1_234_564, 10, "round")).toBe(123_456);
    expect(taxOf(1_234_565, 10, "round")).toBe(123_457);
    expect(taxOf(1_000, 8, "floor")).toBe(80);
    // 0.1 × 3 is not 0.3 in floating point; tax on 3 yen at 10 % must still be 0 (floor) or 1 (ceil).
    expect(taxOf(3, 10, "floor")).toBe(0);
    expect(taxOf(3, 10, "ceil")).toBe(1);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e10 }),
        fc.integer({ min: 0, max: 200 }),
        (n, rate10) => {
          const rate = rate10 / 10;
          const floor = taxOf(n, rate, "floor");
          const ceil = taxOf(n, rate, "ceil");
          const round = taxOf(n, rate, "round");
          // Exact: floor ≤ n × rate / 100 < floor + 1, with BigInt arithmetic as the referee.
          const milli = BigInt(n) * BigInt(rate10);
          expect(BigInt(floor)).toBe(milli / 1000n);
          expect(ceil - floor).toBe(milli % 1000n === 0n ? 0 : 1);
          expect(round === floor || round === ceil).toBe(true);
        },
      ),
    );
  });
});
