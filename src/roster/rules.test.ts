import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dutyCoverage, missingForManager, noticesForEdit, weekStart } from "./rules.ts";

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

describe("roster rules", () => {
  it("names every missing qualification of a would-be manager", () => {
    expect(
      missingForManager({
        employment: "part_time",
        municipalExperienceMonths: null,
        municipalExperienceWhere: null,
        certificateGrade: null,
        certificateDate: null,
      }),
    ).toEqual(["regular_employment", "municipal_experience", "certificate"]);
    expect(
      missingForManager({
        employment: "regular",
        municipalExperienceMonths: 12,
        municipalExperienceWhere: "A市",
        certificateGrade: "1級",
        certificateDate: "2025-01-01",
      }),
    ).toEqual([]);
  });

  it("reports qualification, details and leaving changes apart, and not contact or hours", () => {
    const before = {
      certificateGrade: null,
      nameKana: "a",
      contact: "x",
      weeklyHourLimit: 20,
      endDate: null,
    };
    const after = {
      certificateGrade: "2級",
      nameKana: "b",
      contact: "y",
      weeklyHourLimit: 30,
      endDate: "2026-12-31",
    };
    expect(
      noticesForEdit(before, after)
        .map((n) => n.kind)
        .sort(),
    ).toEqual(["details", "leave", "qualification"]);
    expect(noticesForEdit(before, { ...before, contact: "z", weeklyHourLimit: 1 })).toEqual([]);
  });

  it("counts weeks from Monday", () => {
    expect(weekStart("2026-12-03")).toBe("2026-11-30");
    expect(weekStart("2026-11-30")).toBe("2026-11-30");
    expect(weekStart("2026-12-06")).toBe("2026-11-30");
  });

  it("splits open hours without gaps and flags exactly the hours nobody designated fully covers", () => {
    const slot = fc.integer({ min: 8 * 4, max: 20 * 4 }).map((q) => q * 15);
    fc.assert(
      fc.property(
        fc.tuple(slot, slot).filter(([a, b]) => a < b),
        fc.array(
          fc.tuple(fc.constantFrom("m", "d", "x"), slot, slot).filter(([, a, b]) => a < b),
          { maxLength: 6 },
        ),
        ([open, close], raw) => {
          const shifts = raw.map(([personId, a, b]) => ({
            personId,
            startTime: hhmm(a),
            endTime: hhmm(b),
          }));
          const hours = dutyCoverage([{ open: hhmm(open), close: hhmm(close) }], shifts, {
            manager: "m",
            deputy: "d",
          });
          expect(hours[0]!.from).toBe(hhmm(open));
          expect(hours.at(-1)!.to).toBe(hhmm(close));
          for (let i = 1; i < hours.length; i++) expect(hours[i]!.from).toBe(hours[i - 1]!.to);
          for (const h of hours) {
            const covered = (id: string) =>
              shifts.some(
                (s) =>
                  s.personId === id &&
                  minutes(s.startTime) <= minutes(h.from) &&
                  minutes(h.to) <= minutes(s.endTime),
              );
            expect(h.managerOnDuty).toBe(covered("m"));
            expect(h.deputyOnDuty).toBe(covered("d"));
            expect(h.uncovered).toBe(!covered("m") && !covered("d"));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
