import { and, asc, between, desc, eq, isNull } from "drizzle-orm";
import type { Executor } from "../platform/db/index.ts";
import { rosterNotices, rosterPeople, rosterShifts } from "./schema.ts";

export type Person = typeof rosterPeople.$inferSelect;
export type Shift = typeof rosterShifts.$inferSelect;
export type Notice = typeof rosterNotices.$inferSelect;

// ---- people ----

export async function insertPerson(db: Executor, person: Person) {
  await db.insert(rosterPeople).values(person);
}

export async function updatePerson(
  db: Executor,
  tenantId: string,
  personId: string,
  patch: Partial<Person>,
): Promise<Person> {
  const [row] = await db
    .update(rosterPeople)
    .set(patch)
    .where(and(eq(rosterPeople.tenantId, tenantId), eq(rosterPeople.personId, personId)))
    .returning();
  return row!;
}

export async function findPerson(
  db: Executor,
  tenantId: string,
  personId: string,
  forUpdate = false,
): Promise<Person | undefined> {
  const query = db
    .select()
    .from(rosterPeople)
    .where(and(eq(rosterPeople.tenantId, tenantId), eq(rosterPeople.personId, personId)));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row;
}

export async function findPersonOfUser(
  db: Executor,
  tenantId: string,
  userId: string,
): Promise<Person | undefined> {
  const [row] = await db
    .select()
    .from(rosterPeople)
    .where(and(eq(rosterPeople.tenantId, tenantId), eq(rosterPeople.userId, userId)));
  return row;
}

export async function listPeople(db: Executor, tenantId: string): Promise<Person[]> {
  return db
    .select()
    .from(rosterPeople)
    .where(eq(rosterPeople.tenantId, tenantId))
    .orderBy(asc(rosterPeople.nameKana), asc(rosterPeople.personId));
}

export async function findDesignated(
  db: Executor,
  tenantId: string,
  designation: string,
): Promise<Person | undefined> {
  const [row] = await db
    .select()
    .from(rosterPeople)
    .where(and(eq(rosterPeople.tenantId, tenantId), eq(rosterPeople.designation, designation)));
  return row;
}

// ---- shifts ----

export async function insertShift(db: Executor, shift: Shift) {
  await db.insert(rosterShifts).values(shift);
}

export async function deleteShift(db: Executor, tenantId: string, shiftId: string) {
  const rows = await db
    .delete(rosterShifts)
    .where(and(eq(rosterShifts.tenantId, tenantId), eq(rosterShifts.shiftId, shiftId)))
    .returning();
  return rows[0];
}

export async function shiftsBetween(
  db: Executor,
  tenantId: string,
  from: string,
  to: string,
  personId?: string,
): Promise<Shift[]> {
  return db
    .select()
    .from(rosterShifts)
    .where(
      and(
        eq(rosterShifts.tenantId, tenantId),
        between(rosterShifts.day, from, to),
        personId ? eq(rosterShifts.personId, personId) : undefined,
      ),
    )
    .orderBy(asc(rosterShifts.day), asc(rosterShifts.startTime));
}

// ---- notices ----

export async function insertNotice(db: Executor, notice: Notice) {
  await db.insert(rosterNotices).values(notice);
}

export async function listNotices(db: Executor, tenantId: string): Promise<Notice[]> {
  return db
    .select()
    .from(rosterNotices)
    .where(eq(rosterNotices.tenantId, tenantId))
    .orderBy(desc(rosterNotices.createdAt), desc(rosterNotices.noticeId));
}

export async function findNotice(
  db: Executor,
  tenantId: string,
  noticeId: string,
): Promise<Notice | undefined> {
  const [row] = await db
    .select()
    .from(rosterNotices)
    .where(and(eq(rosterNotices.tenantId, tenantId), eq(rosterNotices.noticeId, noticeId)));
  return row;
}

/** Records the city's acknowledgement once; a second one finds nothing to update. */
export async function acknowledgeNoticeRow(
  db: Executor,
  tenantId: string,
  noticeId: string,
  patch: Pick<Notice, "acknowledgedAt" | "acknowledgedBy" | "acknowledgementNote">,
): Promise<Notice | undefined> {
  const [row] = await db
    .update(rosterNotices)
    .set(patch)
    .where(
      and(
        eq(rosterNotices.tenantId, tenantId),
        eq(rosterNotices.noticeId, noticeId),
        isNull(rosterNotices.acknowledgedAt),
      ),
    )
    .returning();
  return row;
}

export async function hasSubmission(db: Executor, tenantId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: rosterNotices.noticeId })
    .from(rosterNotices)
    .where(and(eq(rosterNotices.tenantId, tenantId), eq(rosterNotices.kind, "submission")))
    .limit(1);
  return row !== undefined;
}
