import { type Actor, auditContext } from "../platform/actor.ts";
import { recordAudit } from "../platform/audit/store.ts";
import { can } from "../platform/auth/permissions.ts";
import { now } from "../platform/clock.ts";
import { type Db, type Executor, transaction } from "../platform/db/index.ts";
import { DomainError, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { findTenant } from "../platform/tenancy/store.ts";
import { addDays, daysBetween, eachDate, isValidDate, month } from "./dates.ts";
import {
  type BusinessDay,
  businessDay,
  type CalendarException,
  type CalendarFacts,
  type CalendarSettings,
  DEFAULT_SETTINGS,
} from "./rules.ts";
import {
  deleteWeekendOpening,
  type ExceptionRow,
  exceptionsBetween,
  findException,
  findSettings,
  insertException,
  insertWeekendOpening,
  saveSettings,
  toCalendarException,
  updateExceptionDecision,
  weekendOpeningsBetween,
} from "./store.ts";
import {
  type MonthWarning,
  validateException,
  validateSettings,
  validateWeekendDesignation,
  weekendWarnings,
} from "./validation.ts";

/** The longest range one request may ask for: a contract year and a little more. */
export const MAX_RANGE_DAYS = 400;

export function checkRange(from: string, to: string): void {
  if (!isValidDate(from) || !isValidDate(to) || to < from) {
    throw new DomainError(
      "bad_request",
      "invalid_range",
      "期間の指定が正しくありません。",
      "The date range is not valid.",
    );
  }
  if (daysBetween(from, to) > MAX_RANGE_DAYS) {
    throw new DomainError(
      "bad_request",
      "range_too_long",
      `期間は${MAX_RANGE_DAYS}日以内で指定してください。`,
      `Ask for at most ${MAX_RANGE_DAYS} days.`,
    );
  }
}

/** Everything the rules need for a range of dates, read in one go. */
export async function loadFacts(
  db: Executor,
  tenantId: string,
  from: string,
  to: string,
): Promise<CalendarFacts> {
  const tenant = await findTenant(db, tenantId);
  if (!tenant) throw notFound("自治体", "Tenant");
  const [settings, openings, exceptions] = await Promise.all([
    findSettings(db, tenantId),
    weekendOpeningsBetween(db, tenantId, from, to),
    exceptionsBetween(db, tenantId, { from, to, status: "approved" }),
  ]);
  return {
    serviceStart: tenant.serviceStart,
    contractEnd: tenant.contractEnd,
    settings: settings ?? DEFAULT_SETTINGS,
    weekendOpenings: new Set(openings.map((o) => o.date)),
    reservationOnly: new Set(openings.filter((o) => o.reservationOnly).map((o) => o.date)),
    exceptions: exceptions.map(toCalendarException),
  };
}

export async function calendarRange(
  db: Executor,
  tenantId: string,
  from: string,
  to: string,
): Promise<BusinessDay[]> {
  checkRange(from, to);
  const facts = await loadFacts(db, tenantId, from, to);
  return [...eachDate(from, to)].map((date) => businessDay(date, facts));
}

export async function businessDayOf(
  db: Executor,
  tenantId: string,
  date: string,
): Promise<BusinessDay> {
  const facts = await loadFacts(db, tenantId, date, date);
  return businessDay(date, facts);
}

const monthBounds = (date: string) => {
  const first = `${month(date)}-01`;
  return { first, last: addDays(`${month(addDays(first, 31))}-01`, -1) };
};

export interface DesignationResult {
  date: string;
  designated: boolean;
  warnings: MonthWarning[];
}

/** 休日開庁日の指定 by the city; answers with the month's warnings (none, or more than three). */
export async function designateWeekendOpening(
  db: Db,
  actor: Actor,
  date: string,
  reservationOnly = false,
): Promise<DesignationResult> {
  const { first, last } = monthBounds(date);
  return transaction(db, async (tx) => {
    const facts = await loadFacts(tx, actor.tenantId, first, last);
    validateWeekendDesignation(date, facts);
    await insertWeekendOpening(tx, {
      tenantId: actor.tenantId,
      date,
      reservationOnly,
      designatedBy: actor.userId,
      designatedAt: now(),
    });
    await recordAudit(tx, auditContext(actor), {
      action: "calendar.weekend_designate",
      entity: "weekend_opening",
      entityId: date,
      change: { reservationOnly },
    });
    const after = new Set([...facts.weekendOpenings, date]);
    return {
      date,
      designated: true,
      warnings: weekendWarnings({ ...facts, weekendOpenings: after }, first, last),
    };
  });
}

export async function cancelWeekendOpening(
  db: Db,
  actor: Actor,
  date: string,
): Promise<DesignationResult> {
  if (!isValidDate(date))
    throw new DomainError(
      "bad_request",
      "invalid_date",
      "日付が正しくありません。",
      "The date is not valid.",
    );
  const { first, last } = monthBounds(date);
  return transaction(db, async (tx) => {
    if (!(await deleteWeekendOpening(tx, actor.tenantId, date)))
      throw notFound("休日開庁日", "Weekend opening");
    await recordAudit(tx, auditContext(actor), {
      action: "calendar.weekend_cancel",
      entity: "weekend_opening",
      entityId: date,
    });
    const facts = await loadFacts(tx, actor.tenantId, first, last);
    return { date, designated: false, warnings: weekendWarnings(facts, first, last) };
  });
}

export async function weekendOpeningsWithWarnings(
  db: Executor,
  tenantId: string,
  from: string,
  to: string,
) {
  checkRange(from, to);
  const facts = await loadFacts(db, tenantId, from, to);
  const rows = await weekendOpeningsBetween(db, tenantId, from, to);
  return {
    openings: rows.map((r) => ({ date: r.date, reservationOnly: r.reservationOnly })),
    warnings: weekendWarnings(facts, `${month(from)}-01`, monthBounds(to).last),
  };
}

export interface ExceptionRequest {
  date: string;
  kind: CalendarException["kind"];
  counter?: CalendarException["counter"];
  phone?: CalendarException["phone"];
  reason: string;
}

/** The contractor's manager asks for a change to a day; nothing changes until the city approves. */
export async function requestException(
  db: Db,
  actor: Actor,
  input: ExceptionRequest,
): Promise<ExceptionRow> {
  return transaction(db, async (tx) => {
    const facts = await loadFacts(tx, actor.tenantId, input.date, input.date);
    const exception: CalendarException = {
      ...input,
      counter: input.counter ?? null,
      phone: input.phone ?? null,
    };
    validateException(exception, facts);
    const row: ExceptionRow = {
      tenantId: actor.tenantId,
      exceptionId: newId(),
      date: input.date,
      kind: input.kind,
      counter: exception.counter ?? null,
      phone: exception.phone ?? null,
      reason: input.reason.trim(),
      status: "requested",
      requestedBy: actor.userId,
      requestedByName: actor.displayName ?? actor.userId,
      requestedAt: now(),
      decidedBy: null,
      decidedByName: null,
      decidedAt: null,
      decisionNote: null,
    };
    await insertException(tx, row);
    await recordAudit(tx, auditContext(actor), {
      action: "calendar.exception_request",
      entity: "calendar_exception",
      entityId: row.exceptionId,
      change: input,
    });
    return row;
  });
}

export type Decision = "approve" | "reject" | "withdraw" | "revoke";

const TRANSITIONS: Record<Decision, { from: string; to: string }> = {
  approve: { from: "requested", to: "approved" },
  reject: { from: "requested", to: "rejected" },
  withdraw: { from: "requested", to: "withdrawn" },
  revoke: { from: "approved", to: "revoked" },
};

/**
 * Decides a request: the city approves, rejects or later revokes; the requester may withdraw.
 * An approval re-checks the request against the calendar as it is now.
 */
export async function decideException(
  db: Db,
  actor: Actor,
  exceptionId: string,
  decision: Decision,
  note?: string,
): Promise<ExceptionRow> {
  return transaction(db, async (tx) => {
    const row = await findException(tx, actor.tenantId, exceptionId, true);
    if (!row) throw notFound("変更申請", "Calendar exception");
    const { from, to } = TRANSITIONS[decision];
    if (row.status !== from) {
      throw new DomainError(
        "conflict",
        "invalid_transition",
        `この申請は「${row.status}」のため、この操作はできません。`,
        `The request is ${row.status}; it cannot be ${to} now.`,
      );
    }
    if (
      decision === "withdraw" &&
      row.requestedBy !== actor.userId &&
      !can(actor.role, "calendar.withdraw_any")
    ) {
      throw new DomainError(
        "forbidden",
        "forbidden",
        "申請者または業務管理者だけが取り下げできます。",
        "Only the requester or the manager may withdraw.",
      );
    }
    if (decision === "approve")
      validateException(
        toCalendarException(row),
        await loadFacts(tx, actor.tenantId, row.date, row.date),
      );
    const decided = {
      ...row,
      status: to,
      decidedBy: actor.userId,
      decidedByName: actor.displayName ?? actor.userId,
      decidedAt: now(),
      decisionNote: note?.trim() || null,
    };
    await updateExceptionDecision(tx, decided);
    await recordAudit(tx, auditContext(actor), {
      action: `calendar.exception_${decision}`,
      entity: "calendar_exception",
      entityId: exceptionId,
      change: { note },
    });
    return decided;
  });
}

export async function listExceptions(
  db: Executor,
  tenantId: string,
  from: string,
  to: string,
  status?: string,
) {
  checkRange(from, to);
  return exceptionsBetween(db, tenantId, { from, to, status });
}

export async function calendarSettingsOf(
  db: Executor,
  tenantId: string,
): Promise<CalendarSettings> {
  return (await findSettings(db, tenantId)) ?? DEFAULT_SETTINGS;
}

export async function updateCalendarSettings(
  db: Db,
  actor: Actor,
  settings: CalendarSettings,
): Promise<CalendarSettings> {
  validateSettings(settings);
  return transaction(db, async (tx) => {
    await saveSettings(tx, actor.tenantId, settings, actor.userId, now());
    await recordAudit(tx, auditContext(actor), {
      action: "calendar.settings_update",
      entity: "calendar_settings",
      entityId: actor.tenantId,
      change: settings,
    });
    return settings;
  });
}
