import { and, asc, eq, gt, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import { bulkInsert } from "../platform/db/bulk.ts";
import type { Executor, Tx } from "../platform/db/index.ts";
import { reservationSettings, reservations, slotCounts } from "./schema.ts";

export type Reservation = typeof reservations.$inferSelect;

export async function ensureSlot(
  tx: Tx,
  tenantId: string,
  groupCode: string,
  slotStart: Date,
  capacity: number,
) {
  await tx
    .insert(slotCounts)
    .values({ tenantId, groupCode, slotStart, capacity, booked: 0 })
    .onConflictDoNothing();
}

/** Takes one place if one is left, atomically; undefined when the slot is full. */
export async function takePlace(tx: Tx, tenantId: string, groupCode: string, slotStart: Date) {
  const [row] = await tx
    .update(slotCounts)
    .set({ booked: sql`${slotCounts.booked} + 1` })
    .where(
      and(
        eq(slotCounts.tenantId, tenantId),
        eq(slotCounts.groupCode, groupCode),
        eq(slotCounts.slotStart, slotStart),
        lt(slotCounts.booked, slotCounts.capacity),
      ),
    )
    .returning({ booked: slotCounts.booked, capacity: slotCounts.capacity });
  return row;
}

export async function releasePlace(tx: Tx, tenantId: string, groupCode: string, slotStart: Date) {
  await tx
    .update(slotCounts)
    .set({ booked: sql`${slotCounts.booked} - 1` })
    .where(
      and(
        eq(slotCounts.tenantId, tenantId),
        eq(slotCounts.groupCode, groupCode),
        eq(slotCounts.slotStart, slotStart),
        gt(slotCounts.booked, 0),
      ),
    );
}

export async function slotCountsBetween(
  db: Executor,
  tenantId: string,
  groupCode: string,
  from: Date,
  to: Date,
) {
  return db
    .select()
    .from(slotCounts)
    .where(
      and(
        eq(slotCounts.tenantId, tenantId),
        eq(slotCounts.groupCode, groupCode),
        gte(slotCounts.slotStart, from),
        lt(slotCounts.slotStart, to),
      ),
    )
    .orderBy(asc(slotCounts.slotStart));
}

/** Serialises one person's bookings (for the limit on future reservations) inside the transaction. */
export async function lockContact(tx: Tx, tenantId: string, contactKey: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${tenantId}/${contactKey}`}))`);
}

export async function countFutureOfContact(
  db: Executor,
  tenantId: string,
  contactKey: string,
  after: Date,
): Promise<number> {
  return (await db.$count(
    reservations,
    and(
      eq(reservations.tenantId, tenantId),
      eq(reservations.contactKey, contactKey),
      inArray(reservations.status, ["booked"]),
      gt(reservations.slotStart, after),
    ),
  )) as number;
}

export async function insertReservation(tx: Tx, row: Reservation) {
  await tx.insert(reservations).values(row);
}

export async function findReservationByToken(
  db: Executor,
  tenantId: string,
  token: string,
  forUpdate = false,
) {
  const query = db
    .select()
    .from(reservations)
    .where(and(eq(reservations.tenantId, tenantId), eq(reservations.manageToken, token)));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row;
}

export async function updateReservation(
  tx: Executor,
  row: Pick<Reservation, "tenantId" | "reservationId">,
  patch: Partial<Reservation>,
) {
  const [updated] = await tx
    .update(reservations)
    .set(patch)
    .where(
      and(
        eq(reservations.tenantId, row.tenantId),
        eq(reservations.reservationId, row.reservationId),
      ),
    )
    .returning();
  return updated!;
}

export async function reservationsOfDay(
  db: Executor,
  tenantId: string,
  dayStart: Date,
  dayEnd: Date,
) {
  return db
    .select()
    .from(reservations)
    .where(
      and(
        eq(reservations.tenantId, tenantId),
        gte(reservations.slotStart, dayStart),
        lt(reservations.slotStart, dayEnd),
      ),
    )
    .orderBy(asc(reservations.slotStart), asc(reservations.createdAt));
}

/** Bookings per service day and status between two instants (counts only, no one's details). */
export async function reservationCountsBetween(
  db: Executor,
  tenantId: string,
  from: Date,
  to: Date,
): Promise<{ day: string; status: string; count: number }[]> {
  const day = sql<string>`to_char(${reservations.slotStart} at time zone 'Asia/Tokyo', 'YYYY-MM-DD')`;
  return db
    .select({ day, status: reservations.status, count: sql<number>`count(*)::int` })
    .from(reservations)
    .where(
      and(
        eq(reservations.tenantId, tenantId),
        gte(reservations.slotStart, from),
        lt(reservations.slotStart, to),
      ),
    )
    .groupBy(day, reservations.status);
}

export async function findReservation(
  db: Executor,
  tenantId: string,
  reservationId: string,
  forUpdate = false,
) {
  const query = db
    .select()
    .from(reservations)
    .where(and(eq(reservations.tenantId, tenantId), eq(reservations.reservationId, reservationId)));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row;
}

/** A tenant's reservations still booked that start in a range. */
const bookedIn = (tenantId: string, from: Date, to: Date) => [
  eq(reservations.tenantId, tenantId),
  eq(reservations.status, "booked"),
  gte(reservations.slotStart, from),
  lt(reservations.slotStart, to),
];

export async function bookedBetween(db: Executor, tenantId: string, from: Date, to: Date) {
  return db
    .select()
    .from(reservations)
    .where(and(...bookedIn(tenantId, from, to)))
    .orderBy(asc(reservations.slotStart));
}

/**
 * Claims the tenant's booked reservations in a range whose notice has not gone out, marking them
 * in the same statement: of two concurrent claims (a double click, two server processes), the
 * second waits for the first and then finds nothing, so each person is told once.
 */
export async function claimUnnotified(
  tx: Tx,
  tenantId: string,
  from: Date,
  to: Date,
  notice: "reminder" | "closure",
  at: Date,
): Promise<Reservation[]> {
  const column = notice === "reminder" ? reservations.remindedAt : reservations.closureNoticeAt;
  return tx
    .update(reservations)
    .set(notice === "reminder" ? { remindedAt: at } : { closureNoticeAt: at })
    .where(and(...bookedIn(tenantId, from, to), isNull(column)))
    .returning();
}

export async function findReservationSettings(db: Executor, tenantId: string) {
  const [row] = await db
    .select()
    .from(reservationSettings)
    .where(eq(reservationSettings.tenantId, tenantId));
  return row?.settings;
}

export async function saveReservationSettings(
  db: Executor,
  tenantId: string,
  settings: Record<string, unknown>,
  by: string,
  at: Date,
) {
  await db
    .insert(reservationSettings)
    .values({ tenantId, settings, updatedBy: by, updatedAt: at })
    .onConflictDoUpdate({
      target: reservationSettings.tenantId,
      set: { settings, updatedBy: by, updatedAt: at },
    });
}

/** Sets the places of one slot, never below what is already booked. Returns false when it would be. */
export async function setSlotCapacity(
  tx: Tx,
  tenantId: string,
  groupCode: string,
  slotStart: Date,
  capacity: number,
): Promise<boolean> {
  await tx
    .insert(slotCounts)
    .values({ tenantId, groupCode, slotStart, capacity, booked: 0 })
    .onConflictDoNothing();
  const rows = await tx
    .update(slotCounts)
    .set({ capacity })
    .where(
      and(
        eq(slotCounts.tenantId, tenantId),
        eq(slotCounts.groupCode, groupCode),
        eq(slotCounts.slotStart, slotStart),
        sql`${slotCounts.booked} <= ${capacity}`,
      ),
    )
    .returning({ capacity: slotCounts.capacity });
  return rows.length > 0;
}

/** A booking by the code the person reads out or shows (unique per tenant), locked for the step. */
export async function findReservationByCode(tx: Tx, tenantId: string, code: string) {
  const [row] = await tx
    .select()
    .from(reservations)
    .where(and(eq(reservations.tenantId, tenantId), eq(reservations.code, code)))
    .for("update");
  return row;
}

/** The rows of replayed days (the demo's history), written at once (see replay.ts). */
export interface ReservationRows {
  reservations: Reservation[];
  slots: (typeof slotCounts.$inferInsert)[];
}

export async function writeReservationRows(tx: Tx, rows: ReservationRows): Promise<number> {
  await bulkInsert(tx, slotCounts, rows.slots);
  await bulkInsert(tx, reservations, rows.reservations);
  return rows.slots.length + rows.reservations.length;
}
