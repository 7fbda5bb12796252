import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { Executor } from "../platform/db/index.ts";
import type { CalendarException, CalendarSettings, ExceptionKind } from "./rules.ts";
import { calendarExceptions, calendarSettings, weekendOpenings } from "./schema.ts";

export type ExceptionRow = typeof calendarExceptions.$inferSelect;
export type WeekendOpeningRow = typeof weekendOpenings.$inferSelect;

export async function findSettings(
  db: Executor,
  tenantId: string,
): Promise<CalendarSettings | undefined> {
  const [row] = await db
    .select()
    .from(calendarSettings)
    .where(eq(calendarSettings.tenantId, tenantId));
  return row?.settings;
}

export async function saveSettings(
  db: Executor,
  tenantId: string,
  settings: CalendarSettings,
  by: string,
  at: Date,
) {
  await db
    .insert(calendarSettings)
    .values({ tenantId, settings, updatedBy: by, updatedAt: at })
    .onConflictDoUpdate({
      target: calendarSettings.tenantId,
      set: { settings, updatedBy: by, updatedAt: at },
    });
}

export async function weekendOpeningsBetween(
  db: Executor,
  tenantId: string,
  from: string,
  to: string,
): Promise<WeekendOpeningRow[]> {
  return db
    .select()
    .from(weekendOpenings)
    .where(
      and(
        eq(weekendOpenings.tenantId, tenantId),
        gte(weekendOpenings.date, from),
        lte(weekendOpenings.date, to),
      ),
    )
    .orderBy(asc(weekendOpenings.date));
}

export async function insertWeekendOpening(db: Executor, row: WeekendOpeningRow) {
  await db
    .insert(weekendOpenings)
    .values(row)
    .onConflictDoUpdate({
      target: [weekendOpenings.tenantId, weekendOpenings.date],
      set: {
        reservationOnly: row.reservationOnly,
        designatedBy: row.designatedBy,
        designatedAt: row.designatedAt,
      },
    });
}

export async function deleteWeekendOpening(
  db: Executor,
  tenantId: string,
  date: string,
): Promise<boolean> {
  const deleted = await db
    .delete(weekendOpenings)
    .where(and(eq(weekendOpenings.tenantId, tenantId), eq(weekendOpenings.date, date)))
    .returning({ date: weekendOpenings.date });
  return deleted.length > 0;
}

export interface ExceptionFilter {
  from: string;
  to: string;
  status?: string | undefined;
}

export async function exceptionsBetween(
  db: Executor,
  tenantId: string,
  filter: ExceptionFilter,
): Promise<ExceptionRow[]> {
  const conditions = [
    eq(calendarExceptions.tenantId, tenantId),
    gte(calendarExceptions.date, filter.from),
    lte(calendarExceptions.date, filter.to),
  ];
  if (filter.status) conditions.push(eq(calendarExceptions.status, filter.status));
  return db
    .select()
    .from(calendarExceptions)
    .where(and(...conditions))
    .orderBy(asc(calendarExceptions.date), asc(calendarExceptions.requestedAt));
}

export async function findException(
  db: Executor,
  tenantId: string,
  exceptionId: string,
  forUpdate = false,
) {
  const query = db
    .select()
    .from(calendarExceptions)
    .where(
      and(
        eq(calendarExceptions.tenantId, tenantId),
        eq(calendarExceptions.exceptionId, exceptionId),
      ),
    );
  const [row] = forUpdate ? await query.for("update") : await query;
  return row;
}

export async function insertException(db: Executor, row: ExceptionRow) {
  await db.insert(calendarExceptions).values(row);
}

export async function updateExceptionDecision(
  db: Executor,
  row: Pick<
    ExceptionRow,
    | "tenantId"
    | "exceptionId"
    | "status"
    | "decidedBy"
    | "decidedByName"
    | "decidedAt"
    | "decisionNote"
  >,
) {
  await db
    .update(calendarExceptions)
    .set({
      status: row.status,
      decidedBy: row.decidedBy,
      decidedByName: row.decidedByName,
      decidedAt: row.decidedAt,
      decisionNote: row.decisionNote,
    })
    .where(
      and(
        eq(calendarExceptions.tenantId, row.tenantId),
        eq(calendarExceptions.exceptionId, row.exceptionId),
      ),
    );
}

export function toCalendarException(row: ExceptionRow): CalendarException {
  return {
    date: row.date,
    kind: row.kind as ExceptionKind,
    counter: row.counter,
    phone: row.phone,
    reason: row.reason,
  };
}
