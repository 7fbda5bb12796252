import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DomainError } from "../platform/errors.ts";
import { addDays, weekday, weekdayOrdinal } from "./dates.ts";
import { nationalHoliday } from "./holidays.ts";
import {
  type BusinessDay,
  businessDay,
  type CalendarException,
  type CalendarFacts,
  type CalendarSettings,
  DEFAULT_SETTINGS,
  EXCEPTION_KINDS,
  inYearEndClosure,
  publicDay,
  regularDay,
} from "./rules.ts";
import { validateSettings, validateWeekendDesignation, weekendWarnings } from "./validation.ts";

const FACTS: CalendarFacts = {
  serviceStart: "2026-02-02",
  contractEnd: "2027-01-31",
  settings: DEFAULT_SETTINGS,
  weekendOpenings: new Set(["2026-02-14", "2026-08-02"]),
  exceptions: [],
};
const day = (date: string, facts: Partial<CalendarFacts> = {}) =>
  businessDay(date, { ...FACTS, ...facts });

describe("holidays the demo tenant meets", () => {
  it.each([
    ["2026-02-11", "建国記念の日"],
    ["2026-02-23", "天皇誕生日"],
    ["2026-03-20", "春分の日"],
    ["2026-04-29", "昭和の日"],
    ["2026-05-06", "こどもの日 振替休日"],
    ["2026-07-20", "海の日"],
    ["2026-09-21", "敬老の日"],
    ["2026-09-22", "国民の休日"],
    ["2026-09-23", "秋分の日"],
    ["2026-11-23", "勤労感謝の日"],
    ["2027-01-01", "元日"],
    ["2027-01-11", "成人の日"],
    ["2027-03-22", "春分の日 振替休日"],
  ])("%s is %s", (date, name) => {
    expect(nationalHoliday(date)?.name).toBe(name);
  });

  it("closes on the substitute holiday and the citizens' holiday", () => {
    expect(day("2026-05-06")).toMatchObject({
      kind: "holiday",
      counter: null,
      phone: null,
      reasons: ["こどもの日 振替休日"],
    });
    expect(day("2026-09-22")).toMatchObject({
      kind: "holiday",
      counter: null,
      reasons: ["国民の休日"],
    });
  });

  it("keeps the year-end closure from 12/29 to 1/3", () => {
    for (const date of ["2026-12-29", "2026-12-30", "2026-12-31", "2027-01-04"]) {
      expect(day(date).kind, date).toBe(date === "2027-01-04" ? "weekday" : "holiday");
    }
    expect(day("2026-12-28").kind).toBe("weekday");
    expect(day("2026-12-30").reasons).toEqual(["年末年始"]);
  });
});

describe("regular days", () => {
  it("opens weekdays 8:30–17:00 with the phone to 17:15", () => {
    expect(day("2026-02-02")).toEqual({
      date: "2026-02-02",
      counter: { open: "08:30", close: "17:00" },
      phone: { open: "08:30", close: "17:15" },
      kind: "weekday",
      reasons: [],
    });
  });

  it("keeps the counter open to 19:00 on the 1st and 3rd Thursday; the phone keeps its hours", () => {
    expect(day("2026-02-05")).toMatchObject({
      kind: "extended",
      counter: { open: "08:30", close: "19:00" },
      phone: { close: "17:15" },
      reasons: ["第1木曜日の延長"],
    });
    expect(day("2026-02-19")).toMatchObject({ kind: "extended", reasons: ["第3木曜日の延長"] });
    expect(day("2026-02-12").kind).toBe("weekday");
    expect(day("2026-02-26").kind).toBe("weekday");
  });

  it("opens a weekend day only when designated, 9:00–12:00", () => {
    expect(day("2026-02-14")).toMatchObject({
      kind: "weekend_opening",
      counter: { open: "09:00", close: "12:00" },
      reasons: ["休日開庁（土曜日）"],
    });
    expect(day("2026-02-15")).toMatchObject({ kind: "closed", counter: null, reasons: ["日曜日"] });
  });

  it("opens nothing outside the service period", () => {
    expect(day("2026-01-30")).toMatchObject({ kind: "out_of_service", counter: null, phone: null });
    expect(day("2027-02-01").kind).toBe("out_of_service");
  });
});

describe("exceptions", () => {
  const ex = (
    e: Partial<CalendarException> & Pick<CalendarException, "kind" | "date">,
  ): CalendarException => ({ reason: "協議済み", ...e });

  it("extends, opens a temporary session, changes the phone, and closes", () => {
    expect(
      day("2026-03-02", {
        exceptions: [
          ex({ date: "2026-03-02", kind: "extension", counter: { open: "08:30", close: "18:00" } }),
        ],
      }),
    ).toMatchObject({
      kind: "exception",
      counter: { close: "18:00" },
      reasons: ["業務時間の延長: 協議済み"],
    });
    const evening = day("2026-03-03", {
      exceptions: [
        ex({
          date: "2026-03-03",
          kind: "temporary_session",
          counter: { open: "18:00", close: "20:00" },
        }),
      ],
    });
    expect(evening).toMatchObject({
      counter: { open: "08:30", close: "17:00" },
      extraSessions: [{ open: "18:00", close: "20:00" }],
    });
    expect(
      day("2026-03-04", {
        exceptions: [
          ex({
            date: "2026-03-04",
            kind: "phone_window",
            phone: { open: "08:30", close: "18:00" },
          }),
        ],
      }).phone,
    ).toEqual({ open: "08:30", close: "18:00" });
    const closed = day("2026-03-05", {
      exceptions: [
        ex({ date: "2026-03-05", kind: "closure", reason: "システム保守" }),
        ex({ date: "2026-03-05", kind: "extension", counter: { open: "08:30", close: "20:00" } }),
      ],
    });
    expect(closed).toMatchObject({ kind: "closed", counter: null, phone: null });
  });

  it("opens a holiday only through a temporary session", () => {
    const opened = day("2026-09-22", {
      exceptions: [
        ex({
          date: "2026-09-22",
          kind: "temporary_session",
          counter: { open: "09:00", close: "12:00" },
        }),
      ],
    });
    expect(opened).toMatchObject({
      kind: "exception",
      counter: { open: "09:00", close: "12:00" },
      phone: null,
    });
    expect(
      day("2026-09-22", {
        exceptions: [
          ex({ date: "2026-09-22", kind: "extension", counter: { open: "08:30", close: "18:00" } }),
        ],
      }).counter,
    ).toBeNull();
  });

  it("keeps internal reasons out of the public view", () => {
    const closed = day("2026-03-05", {
      exceptions: [ex({ date: "2026-03-05", kind: "closure", reason: "職員の感染症対応" })],
    });
    expect(publicDay(closed).reasons).toEqual(["臨時休業"]);
    expect(publicDay(day("2026-02-05")).reasons).toEqual(["第1木曜日の延長"]);
  });
});

describe("weekend designation rules", () => {
  const refusal = (date: string) => {
    try {
      validateWeekendDesignation(date, FACTS);
      return undefined;
    } catch (error) {
      return (error as DomainError).messageJa;
    }
  };

  it("refuses a weekday, a holiday and a date outside the service period", () => {
    expect(refusal("2026-02-16")).toMatch(/土曜日・日曜日/);
    expect(refusal("2027-01-02")).toMatch(/年末年始/);
    expect(refusal("2026-05-03")).toMatch(/憲法記念日/);
    expect(refusal("2027-02-06")).toMatch(/業務期間外/);
    expect(() => validateWeekendDesignation("2026-02-21", FACTS)).not.toThrow();
  });

  it("warns about months with none or more than three", () => {
    const many = new Set(["2026-03-01", "2026-03-07", "2026-03-08", "2026-03-14"]);
    const warnings = weekendWarnings(
      { ...FACTS, weekendOpenings: many },
      "2026-02-01",
      "2026-04-30",
    );
    expect(warnings.map((w) => [w.month, w.code])).toEqual([
      ["2026-02", "no_weekend_opening"],
      ["2026-03", "too_many_weekend_openings"],
      ["2026-04", "no_weekend_opening"],
    ]);
  });
});

// ---- properties over random dates and configurations ----

const SERVICE_DATES = fc.integer({ min: -60, max: 420 }).map((n) => addDays("2026-02-02", n));
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
const windowArb = (lo: number, hi: number) =>
  fc
    .tuple(fc.integer({ min: lo, max: hi }), fc.integer({ min: lo, max: hi }))
    .filter(([a, b]) => a < b)
    .map(([a, b]) => ({ open: hhmm(a * 15), close: hhmm(b * 15) }));

const settingsArb: fc.Arbitrary<CalendarSettings> = fc
  .record({
    counter: windowArb(28, 72),
    phoneBefore: fc.integer({ min: 0, max: 4 }),
    phoneAfter: fc.integer({ min: 0, max: 4 }),
    extendBy: fc.integer({ min: 1, max: 12 }),
    ordinals: fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
    extendedWeekday: fc.integer({ min: 1, max: 5 }),
    weekend: windowArb(32, 60),
    yearEnd: fc.boolean(),
  })
  .map((r) => ({
    weekday: {
      counter: r.counter,
      phone: {
        open: hhmm(
          Math.max(
            0,
            parseInt(r.counter.open, 10) * 60 +
              Number(r.counter.open.slice(3)) -
              r.phoneBefore * 15,
          ),
        ),
        close: hhmm(
          Math.min(
            23 * 60 + 45,
            parseInt(r.counter.close, 10) * 60 +
              Number(r.counter.close.slice(3)) +
              r.phoneAfter * 15,
          ),
        ),
      },
    },
    extendedDays: {
      weekday: r.extendedWeekday,
      ordinals: r.ordinals,
      counterClose: hhmm(
        Math.min(
          23 * 60 + 45,
          parseInt(r.counter.close, 10) * 60 + Number(r.counter.close.slice(3)) + r.extendBy * 15,
        ),
      ),
      phoneClose: null,
    },
    weekendOpening: { counter: r.weekend, phone: r.weekend, minPerMonth: 1, maxPerMonth: 3 },
    yearEndClosure: r.yearEnd ? { from: "12-29", to: "01-03" } : null,
  }))
  .filter((s) => {
    try {
      validateSettings(s);
      return true;
    } catch {
      return false;
    }
  });

const exceptionArb: fc.Arbitrary<CalendarException> = fc.record({
  date: SERVICE_DATES,
  kind: fc.constantFrom(...EXCEPTION_KINDS),
  counter: fc.option(windowArb(24, 88), { nil: null }),
  phone: fc.option(windowArb(24, 88), { nil: null }),
  reason: fc.constant("協議"),
});

const factsArb = fc.record({
  settings: settingsArb,
  weekendOpenings: fc.uniqueArray(SERVICE_DATES, { maxLength: 40 }).map((dates) => new Set(dates)),
  exceptions: fc.array(exceptionArb, { maxLength: 30 }),
});

const opens = (d: BusinessDay) => d.counter !== null || d.phone !== null;

describe("calendar properties", () => {
  it("nothing is open outside the service period", () => {
    fc.assert(
      fc.property(SERVICE_DATES, factsArb, (date, f) => {
        const d = businessDay(date, { ...FACTS, ...f });
        if (date < FACTS.serviceStart || date > FACTS.contractEnd) expect(opens(d)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("no holiday or year-end day is open unless an approved exception opens it", () => {
    fc.assert(
      fc.property(SERVICE_DATES, factsArb, (date, f) => {
        const facts = { ...FACTS, ...f };
        const statutory =
          nationalHoliday(date) !== undefined || inYearEndClosure(date, facts.settings);
        if (!statutory) return;
        const d = businessDay(date, facts);
        const opener = facts.exceptions.some(
          (e) => e.date === date && (e.kind === "temporary_session" || e.kind === "phone_window"),
        );
        if (!opener) expect(opens(d)).toBe(false);
        if (d.counter)
          expect(
            facts.exceptions.some((e) => e.date === date && e.kind === "temporary_session"),
          ).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("every open 1st or 3rd Thursday closes at 19:00 (specification defaults, no exception that day)", () => {
    fc.assert(
      fc.property(SERVICE_DATES, fc.array(exceptionArb, { maxLength: 20 }), (date, exceptions) => {
        const facts = { ...FACTS, exceptions: exceptions.filter((e) => e.date !== date) };
        const d = businessDay(date, facts);
        if (weekday(date) === 4 && [1, 3].includes(weekdayOrdinal(date)) && d.counter) {
          expect(d.counter.close).toBe("19:00");
          expect(d.kind).toBe("extended");
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("weekend days are open only when designated (or opened by an exception)", () => {
    fc.assert(
      fc.property(SERVICE_DATES, factsArb, (date, f) => {
        const facts = { ...FACTS, ...f };
        const dow = weekday(date);
        if (dow !== 0 && dow !== 6) return;
        const regular = regularDay(date, facts);
        if (opens(regular)) expect(facts.weekendOpenings.has(date)).toBe(true);
        const d = businessDay(date, facts);
        if (d.counter && !facts.weekendOpenings.has(date)) {
          expect(
            facts.exceptions.some((e) => e.date === date && e.kind === "temporary_session"),
          ).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("phone hours are never shorter than counter hours on a normal weekday", () => {
    fc.assert(
      fc.property(SERVICE_DATES, factsArb, (date, f) => {
        const d = businessDay(date, { ...FACTS, ...f });
        if (d.kind !== "weekday") return;
        expect(d.counter && d.phone).toBeTruthy();
        expect(d.phone!.open <= d.counter!.open).toBe(true);
        expect(d.phone!.close >= d.counter!.close).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
