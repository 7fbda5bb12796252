import { minutes, monthDay, weekday, weekdayOrdinal } from "./dates.ts";
import { nationalHoliday } from "./holidays.ts";
import { type DayKind, EXCEPTION_KINDS, EXCEPTION_LABELS, type ExceptionKind } from "./labels.ts";

export {
  DAY_KINDS,
  type DayKind,
  EXCEPTION_KINDS,
  EXCEPTION_LABELS,
  type ExceptionKind,
} from "./labels.ts";

/**
 * The business calendar (業務実施日時, spec §6): for a date, whether the counter and the phone line
 * are open, from when to when, and why. Pure: every fact comes in as an argument.
 */
export interface Window {
  open: string;
  close: string;
}

export interface CalendarSettings {
  /** 通常開庁日: Monday–Friday except holidays. */
  weekday: { counter: Window; phone: Window };
  /** 第1・3木曜日: the counter stays open later; the phone keeps its hours unless phoneClose is set. */
  extendedDays: {
    weekday: number;
    ordinals: number[];
    counterClose: string;
    phoneClose: string | null;
  };
  /** 休日開庁日: Saturdays and Sundays the city designates. */
  weekendOpening: {
    counter: Window;
    phone: Window | null;
    minPerMonth: number;
    maxPerMonth: number;
  };
  /** 年末年始: the closure city offices keep by ordinance, as MM-DD (spanning the new year). */
  yearEndClosure: { from: string; to: string } | null;
}

/** The specification's values. */
export const DEFAULT_SETTINGS: CalendarSettings = {
  weekday: { counter: { open: "08:30", close: "17:00" }, phone: { open: "08:30", close: "17:15" } },
  extendedDays: { weekday: 4, ordinals: [1, 3], counterClose: "19:00", phoneClose: null },
  weekendOpening: {
    counter: { open: "09:00", close: "12:00" },
    phone: { open: "09:00", close: "12:00" },
    minPerMonth: 1,
    maxPerMonth: 3,
  },
  yearEndClosure: { from: "12-29", to: "01-03" },
};

/** An agreed change to one day (協議による変更). Only approved ones reach the calendar. */
export interface CalendarException {
  date: string;
  kind: ExceptionKind;
  /** extension: the counter's new hours; temporary_session: the session's hours. */
  counter?: Window | null;
  /** phone_window: the phone's new hours (null: no phone that day); temporary_session: optional. */
  phone?: Window | null;
  reason: string;
}

export interface CalendarFacts {
  serviceStart: string;
  contractEnd: string;
  settings: CalendarSettings;
  weekendOpenings: ReadonlySet<string>;
  /** Weekend openings that take reservations only (no walk-in tickets). */
  reservationOnly?: ReadonlySet<string>;
  /** Approved exceptions. */
  exceptions: readonly CalendarException[];
}

export interface BusinessDay {
  date: string;
  counter: Window | null;
  phone: Window | null;
  kind: DayKind;
  reasons: string[];
  /** Further counter sessions that day, apart from the main hours (e.g. an evening session). */
  extraSessions?: Window[];
  /** A weekend opening for reservations only: no walk-in tickets. */
  reservationOnly?: boolean;
}

const WEEKEND_NAMES = ["日曜日", "月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日"];

export function isWeekend(date: string): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

export function inYearEndClosure(date: string, settings: CalendarSettings): boolean {
  const closure = settings.yearEndClosure;
  if (!closure) return false;
  const md = monthDay(date);
  return closure.from <= closure.to
    ? md >= closure.from && md <= closure.to
    : md >= closure.from || md <= closure.to;
}

/** Why the offices are shut that day by law or ordinance, if they are. */
export function statutoryClosure(date: string, settings: CalendarSettings): string | undefined {
  const holiday = nationalHoliday(date);
  if (holiday) return holiday.name;
  if (inYearEndClosure(date, settings)) return "年末年始";
  return undefined;
}

function isExtendedDay(date: string, settings: CalendarSettings): boolean {
  const rule = settings.extendedDays;
  return weekday(date) === rule.weekday && rule.ordinals.includes(weekdayOrdinal(date));
}

/** The day as the regular rules make it, before any exception. */
export function regularDay(date: string, facts: CalendarFacts): BusinessDay {
  const { settings } = facts;
  if (date < facts.serviceStart || date > facts.contractEnd) {
    return { date, counter: null, phone: null, kind: "out_of_service", reasons: ["業務期間外"] };
  }
  const closure = statutoryClosure(date, settings);
  if (closure) return { date, counter: null, phone: null, kind: "holiday", reasons: [closure] };
  if (isWeekend(date)) {
    const name = WEEKEND_NAMES[weekday(date)]!;
    if (!facts.weekendOpenings.has(date))
      return { date, counter: null, phone: null, kind: "closed", reasons: [name] };
    const { counter, phone } = settings.weekendOpening;
    return {
      date,
      counter: { ...counter },
      phone: phone ? { ...phone } : null,
      kind: "weekend_opening",
      reasons: facts.reservationOnly?.has(date)
        ? [`休日開庁（${name}）`, "予約制"]
        : [`休日開庁（${name}）`],
      ...(facts.reservationOnly?.has(date) ? { reservationOnly: true } : {}),
    };
  }
  const { counter, phone } = settings.weekday;
  if (isExtendedDay(date, settings)) {
    const rule = settings.extendedDays;
    return {
      date,
      counter: { open: counter.open, close: rule.counterClose },
      phone: { open: phone.open, close: rule.phoneClose ?? phone.close },
      kind: "extended",
      reasons: [`第${weekdayOrdinal(date)}${WEEKEND_NAMES[rule.weekday]!.slice(0, 1)}曜日の延長`],
    };
  }
  return { date, counter: { ...counter }, phone: { ...phone }, kind: "weekday", reasons: [] };
}

const overlapsOrTouches = (a: Window, b: Window) => a.open <= b.close && b.open <= a.close;
const envelope = (a: Window, b: Window): Window => ({
  open: a.open < b.open ? a.open : b.open,
  close: a.close > b.close ? a.close : b.close,
});

function applyException(day: BusinessDay, exception: CalendarException): BusinessDay {
  const label = EXCEPTION_LABELS[exception.kind].ja;
  const next: BusinessDay = {
    ...day,
    reasons: [...day.reasons, `${label}: ${exception.reason}`],
    kind: "exception",
  };
  switch (exception.kind) {
    case "closure":
      // Once closed, the day's regular reasons no longer describe it.
      return {
        date: day.date,
        counter: null,
        phone: null,
        kind: "closed",
        reasons: [`${label}: ${exception.reason}`],
      };
    case "phone_window":
      return { ...next, phone: exception.phone ?? null };
    case "extension":
      // An extension lengthens an open day; on a shut day there is nothing to extend.
      if (!day.counter || !exception.counter) return day;
      return { ...next, counter: envelope(day.counter, exception.counter) };
    case "temporary_session": {
      const session = exception.counter;
      if (!session) return day;
      if (!day.counter)
        return { ...next, counter: { ...session }, phone: exception.phone ?? day.phone };
      if (overlapsOrTouches(day.counter, session))
        return { ...next, counter: envelope(day.counter, session) };
      return { ...next, extraSessions: [...(day.extraSessions ?? []), { ...session }] };
    }
  }
}

/** Closures are applied last, so an agreed closure always wins over any other change that day. */
const ORDER: Record<ExceptionKind, number> = {
  extension: 0,
  temporary_session: 1,
  phone_window: 2,
  closure: 3,
};

export function businessDay(date: string, facts: CalendarFacts): BusinessDay {
  const day = regularDay(date, facts);
  if (day.kind === "out_of_service") return day;
  return facts.exceptions
    .filter((e) => e.date === date)
    .sort((a, b) => ORDER[a.kind] - ORDER[b.kind])
    .reduce(applyException, day);
}

/** Reasons fit for the public: holiday names and regular rules, never an exception's internal reason. */
export function publicDay(day: BusinessDay): BusinessDay {
  const reasons = day.reasons.map((reason) => {
    const kind = EXCEPTION_KINDS.find((k) => reason.startsWith(`${EXCEPTION_LABELS[k].ja}: `));
    return kind ? EXCEPTION_LABELS[kind].ja : reason;
  });
  return { ...day, reasons };
}

export function windowMinutes(window: Window | null): number {
  return window ? minutes(window.close) - minutes(window.open) : 0;
}
