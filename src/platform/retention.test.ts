import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fiscalYearEnd, retentionDeadline } from "./retention.ts";

describe("retention deadlines (仕様 14)", () => {
  it("end with the fiscal year: April belongs to the year that ends next March", () => {
    expect(fiscalYearEnd("2026-03-31")).toBe("2026-03-31");
    expect(fiscalYearEnd("2026-04-01")).toBe("2027-03-31");
    expect(fiscalYearEnd("2027-01-31")).toBe("2027-03-31");
    expect(fiscalYearEnd("2026-12-31")).toBe("2027-03-31");
  });

  it("are five years after the fiscal year in which the contract ends, or the record was made if later", () => {
    // The demo contract ends 2027-01-31 (fiscal 2026): everything made under it is kept to 2032-03-31.
    expect(retentionDeadline("2026-02-28", "2027-01-31")).toBe("2032-03-31");
    expect(retentionDeadline("2027-01-31", "2027-01-31")).toBe("2032-03-31");
    // A contract ending on 31 March, and one ending the day after: a year apart.
    expect(retentionDeadline("2026-03-31", "2026-03-31")).toBe("2031-03-31");
    expect(retentionDeadline("2026-04-01", "2026-04-01")).toBe("2032-03-31");
    // Made after the contract ended (a late correction): its own fiscal year counts.
    expect(retentionDeadline("2027-04-15", "2027-01-31")).toBe("2033-03-31");
  });

  it("never fall before five full years after the record, and always on a 31 March", () => {
    const day = fc
      .date({
        min: new Date("2000-01-01T00:00:00Z"),
        max: new Date("2090-12-31T00:00:00Z"),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (made, end) => {
        const deadline = retentionDeadline(made, end);
        expect(deadline.endsWith("-03-31")).toBe(true);
        const later = made > end ? made : end;
        expect(deadline >= `${Number(later.slice(0, 4)) + 5}${later.slice(4)}`).toBe(true);
        // And under six years after the fiscal year began.
        expect(Number(deadline.slice(0, 4)) - Number(later.slice(0, 4))).toBeLessThanOrEqual(6);
      }),
    );
  });
});
