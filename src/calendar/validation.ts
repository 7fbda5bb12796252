import { unprocessable } from "../platform/errors.ts";
import { eachDate, isValidDate, month, TIME } from "./dates.ts";
import {
  type CalendarException,
  type CalendarFacts,
  type CalendarSettings,
  isWeekend,
  regularDay,
  statutoryClosure,
  type Window,
} from "./rules.ts";

function checkWindow(window: Window, what: string): void {
  if (!TIME.test(window.open) || !TIME.test(window.close) || window.open >= window.close) {
    throw unprocessable(
      "invalid_window",
      `${what}の時間帯が正しくありません（開始 < 終了、HH:MM）。`,
      `${what}: the hours must be HH:MM with open before close.`,
    );
  }
}

const contains = (outer: Window, inner: Window) =>
  outer.open <= inner.open && outer.close >= inner.close;

/** Settings that the rules can rely on: proper windows, and phone hours covering counter hours. */
export function validateSettings(s: CalendarSettings): void {
  checkWindow(s.weekday.counter, "平日の窓口");
  checkWindow(s.weekday.phone, "平日の電話");
  if (!contains(s.weekday.phone, s.weekday.counter)) {
    throw unprocessable(
      "phone_shorter_than_counter",
      "平日の電話受付時間は窓口の時間を含む必要があります。",
      "On weekdays the phone hours must cover the counter hours.",
    );
  }
  const ext = s.extendedDays;
  if (!TIME.test(ext.counterClose) || ext.counterClose <= s.weekday.counter.close) {
    throw unprocessable(
      "invalid_extended_close",
      "延長日の終了時刻は平日の終了時刻より後にしてください。",
      "The extended day must close after the normal weekday close.",
    );
  }
  if (
    ext.phoneClose !== null &&
    (!TIME.test(ext.phoneClose) || ext.phoneClose <= s.weekday.phone.open)
  ) {
    throw unprocessable(
      "invalid_extended_close",
      "延長日の電話終了時刻が正しくありません。",
      "The extended day's phone close is not valid.",
    );
  }
  if (ext.weekday < 1 || ext.weekday > 5 || ext.ordinals.some((o) => o < 1 || o > 5)) {
    throw unprocessable(
      "invalid_extended_days",
      "延長日は平日の第1〜第5週で指定してください。",
      "Extended days must be a weekday in weeks 1–5.",
    );
  }
  checkWindow(s.weekendOpening.counter, "休日開庁の窓口");
  if (s.weekendOpening.phone) checkWindow(s.weekendOpening.phone, "休日開庁の電話");
  const { minPerMonth, maxPerMonth } = s.weekendOpening;
  if (minPerMonth < 0 || maxPerMonth < minPerMonth || maxPerMonth > 10) {
    throw unprocessable(
      "invalid_weekend_limits",
      "休日開庁の月間日数の範囲が正しくありません。",
      "The monthly range of weekend openings is not valid.",
    );
  }
  const ye = s.yearEndClosure;
  if (ye && (!/^\d{2}-\d{2}$/.test(ye.from) || !/^\d{2}-\d{2}$/.test(ye.to))) {
    throw unprocessable(
      "invalid_year_end",
      "年末年始の期間は MM-DD で指定してください。",
      "The year-end closure must be given as MM-DD.",
    );
  }
}

function checkInService(
  date: string,
  facts: Pick<CalendarFacts, "serviceStart" | "contractEnd">,
): void {
  if (!isValidDate(date))
    throw unprocessable("invalid_date", "日付が正しくありません。", "The date is not valid.");
  if (date < facts.serviceStart || date > facts.contractEnd) {
    throw unprocessable(
      "out_of_service",
      "業務期間外の日付です。",
      "The date is outside the service period.",
    );
  }
}

/** 休日開庁日の指定: only Saturdays and Sundays, never a holiday or a year-end day. */
export function validateWeekendDesignation(date: string, facts: CalendarFacts): void {
  checkInService(date, facts);
  if (!isWeekend(date)) {
    throw unprocessable(
      "not_a_weekend",
      "休日開庁日に指定できるのは土曜日・日曜日だけです。",
      "Only Saturdays and Sundays can be designated as weekend openings.",
    );
  }
  const closure = statutoryClosure(date, facts.settings);
  if (closure) {
    throw unprocessable(
      "statutory_closure",
      `${closure}は休日開庁日に指定できません。臨時開庁として協議してください。`,
      `${date} is a holiday (${closure}); agree a temporary session instead.`,
    );
  }
}

export interface MonthWarning {
  month: string;
  count: number;
  code: "no_weekend_opening" | "too_many_weekend_openings";
  message: string;
  messageEn: string;
}

/** The specification asks for 1–3 weekend openings a month: say where a month falls outside. */
export function weekendWarnings(facts: CalendarFacts, from: string, to: string): MonthWarning[] {
  const counts = new Map<string, number>();
  for (const date of eachDate(
    from < facts.serviceStart ? facts.serviceStart : from,
    to > facts.contractEnd ? facts.contractEnd : to,
  )) {
    const key = month(date);
    counts.set(key, (counts.get(key) ?? 0) + (facts.weekendOpenings.has(date) ? 1 : 0));
  }
  const { minPerMonth, maxPerMonth } = facts.settings.weekendOpening;
  const warnings: MonthWarning[] = [];
  for (const [key, count] of counts) {
    if (count < minPerMonth) {
      warnings.push({
        month: key,
        count,
        code: "no_weekend_opening",
        message: `${key}は休日開庁日が${count}日です（仕様: 月${minPerMonth}〜${maxPerMonth}日）。`,
        messageEn: `${key} has ${count} weekend openings (spec: ${minPerMonth}–${maxPerMonth} a month).`,
      });
    } else if (count > maxPerMonth) {
      warnings.push({
        month: key,
        count,
        code: "too_many_weekend_openings",
        message: `${key}は休日開庁日が${count}日あり、仕様の上限（月${maxPerMonth}日）を超えています。`,
        messageEn: `${key} has ${count} weekend openings, more than the spec's ${maxPerMonth}.`,
      });
    }
  }
  return warnings;
}

/** An exception must make sense against the regular day it changes. */
export function validateException(e: CalendarException, facts: CalendarFacts): void {
  checkInService(e.date, facts);
  if (!e.reason.trim())
    throw unprocessable("reason_required", "理由を入力してください。", "A reason is required.");
  const day = regularDay(e.date, facts);
  switch (e.kind) {
    case "extension":
      if (!e.counter)
        throw unprocessable(
          "window_required",
          "延長後の窓口時間を入力してください。",
          "Give the counter's extended hours.",
        );
      checkWindow(e.counter, "延長後の窓口");
      if (!day.counter)
        throw unprocessable(
          "day_not_open",
          "閉庁日は延長できません。臨時開庁として申請してください。",
          "A closed day cannot be extended; request a temporary session.",
        );
      if (contains(day.counter, e.counter))
        throw unprocessable(
          "not_an_extension",
          "通常の時間より長くなっていません。",
          "The hours are not longer than the regular ones.",
        );
      return;
    case "temporary_session":
      if (!e.counter)
        throw unprocessable(
          "window_required",
          "臨時開庁の時間を入力してください。",
          "Give the session's hours.",
        );
      checkWindow(e.counter, "臨時開庁");
      if (e.phone) checkWindow(e.phone, "臨時開庁の電話");
      return;
    case "phone_window":
      if (e.phone) checkWindow(e.phone, "電話受付");
      return;
    case "closure":
      return;
  }
}
