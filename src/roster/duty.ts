import { addDays } from "../calendar/dates.ts";
import { businessDayOf } from "../calendar/days.ts";
import type { Executor } from "../platform/db/index.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { type DutyHour, dutyCoverage, shiftMinutes } from "./rules.ts";
import { findDesignated, listPeople, shiftsBetween } from "./store.ts";

/** The service day hour by hour: is the manager or the deputy on duty in every counter hour? */

function mergeWindows(windows: { open: string; close: string }[]) {
  const sorted = [...windows].sort((a, b) => a.open.localeCompare(b.open));
  const merged: { open: string; close: string }[] = [];
  for (const w of sorted) {
    const last = merged.at(-1);
    if (last && w.open <= last.close) last.close = w.close > last.close ? w.close : last.close;
    else merged.push({ ...w });
  }
  return merged;
}

/** The duty view names who is on duty when: a read of personal data, audited with the read. */
export async function dutyView(ctx: Ctx, { date }: { date: string }) {
  requireAccess(ctx, "roster.read");
  const day = await dutyDay(ctx.tx, ctx.tenantId, date);
  await audit(ctx, { action: "roster.duty.read", entity: "roster_shift", change: { date } });
  return day;
}

/**
 * The duty of every day in a range, for the reports: per hour who of the leads was on duty and
 * how many people, and each day's paid hours. Names are left out; the read is audited anyway.
 */
export async function dutyBetween(ctx: Ctx, range: { from: string; to: string }) {
  requireAccess(ctx, "roster.read");
  const out: { date: string; people: number; paidHours: number; hours: DutyHour[] }[] = [];
  for (let date = range.from; date <= range.to; date = addDays(date, 1)) {
    const day = await dutyDay(ctx.tx, ctx.tenantId, date);
    out.push({
      date,
      people: new Set(day.shifts.map((s) => s.personId)).size,
      paidHours: day.shifts.reduce((sum, s) => sum + shiftMinutes(s), 0) / 60,
      hours: day.hours,
    });
  }
  await audit(ctx, { action: "roster.duty.read", entity: "roster_shift", change: range });
  return out;
}

/**
 * Each person's hours on the roster's shifts in a range, with their employment type: what the
 * expense ledger costs. Names are personal data: the read is audited.
 */
export async function hoursWorked(ctx: Ctx, range: { from: string; to: string }) {
  requireAccess(ctx, "roster.read");
  const shifts = await shiftsBetween(ctx.tx, ctx.tenantId, range.from, range.to);
  const people = new Map((await listPeople(ctx.tx, ctx.tenantId)).map((p) => [p.personId, p]));
  const minutes = new Map<string, number>();
  for (const s of shifts) minutes.set(s.personId, (minutes.get(s.personId) ?? 0) + shiftMinutes(s));
  await audit(ctx, { action: "roster.duty.read", entity: "roster_shift", change: range });
  return [...minutes].map(([personId, m]) => ({
    personId,
    name: people.get(personId)?.nameKanji ?? personId,
    employment: people.get(personId)?.employment ?? "other",
    hours: m / 60,
  }));
}

export async function dutyDay(db: Executor, tenantId: string, day: string) {
  // One after another: inside a transaction they share one connection anyway.
  const calendar = await businessDayOf(db, tenantId, day);
  const shifts = await shiftsBetween(db, tenantId, day, day);
  const manager = await findDesignated(db, tenantId, "manager");
  const deputy = await findDesignated(db, tenantId, "deputy");
  const people = await listPeople(db, tenantId);
  // The counter's hours: where someone must direct the work on the spot (現場にて指揮監督, 仕様
  // 8(2)). The phone's quarter hour after the counter closes needs a phone person, not a lead.
  const windows = mergeWindows(
    [calendar.counter, ...(calendar.extraSessions ?? [])].filter(
      (w): w is { open: string; close: string } => w !== null,
    ),
  );
  const names = new Map(people.map((p) => [p.personId, p.nameKanji]));
  return {
    date: day,
    open: windows.length > 0,
    windows,
    manager: manager ? { id: manager.personId, name: manager.nameKanji } : null,
    deputy: deputy ? { id: deputy.personId, name: deputy.nameKanji } : null,
    hours: dutyCoverage(windows, shifts, {
      manager: manager?.personId ?? null,
      deputy: deputy?.personId ?? null,
    }),
    shifts: shifts.map((s) => ({
      shiftId: s.shiftId,
      personId: s.personId,
      name: names.get(s.personId) ?? "",
      startTime: s.startTime,
      endTime: s.endTime,
      work: s.work,
    })),
  };
}
