import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Executor, Tx } from "../platform/db/index.ts";
import { emergencyCalls, incidentEntries, incidents } from "./schema.ts";

export type Incident = typeof incidents.$inferSelect;
export type Entry = typeof incidentEntries.$inferSelect;
export type Call = typeof emergencyCalls.$inferSelect;

export async function insertIncident(tx: Tx, row: Incident) {
  await tx.insert(incidents).values(row);
}

/** The timeline only grows: a trigger refuses changing or removing an entry. */
export async function insertEntry(tx: Tx, row: Entry) {
  await tx.insert(incidentEntries).values(row);
}

export async function findIncident(
  db: Executor,
  tenantId: string,
  incidentId: string,
  lock = false,
) {
  const query = db
    .select()
    .from(incidents)
    .where(and(eq(incidents.tenantId, tenantId), eq(incidents.incidentId, incidentId)));
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

export async function closeIncidentRow(tx: Tx, row: Incident, change: Partial<Incident>) {
  await tx
    .update(incidents)
    .set(change)
    .where(and(eq(incidents.tenantId, row.tenantId), eq(incidents.incidentId, row.incidentId)));
}

export const listIncidentRows = (db: Executor, tenantId: string, state?: "open" | "closed") =>
  db
    .select()
    .from(incidents)
    .where(and(eq(incidents.tenantId, tenantId), state ? eq(incidents.state, state) : undefined))
    .orderBy(desc(incidents.reportedAt))
    .limit(200);

/** The timelines of the incidents given, oldest entry first. */
export async function entriesOf(db: Executor, tenantId: string, incidentIds: string[]) {
  if (incidentIds.length === 0) return [];
  return db
    .select()
    .from(incidentEntries)
    .where(
      and(eq(incidentEntries.tenantId, tenantId), inArray(incidentEntries.incidentId, incidentIds)),
    )
    .orderBy(asc(incidentEntries.at));
}

export async function insertCall(tx: Tx, row: Call) {
  await tx.insert(emergencyCalls).values(row);
}

export async function lockCallRow(tx: Tx, tenantId: string, callId: string) {
  const [row] = await tx
    .select()
    .from(emergencyCalls)
    .where(and(eq(emergencyCalls.tenantId, tenantId), eq(emergencyCalls.callId, callId)))
    .for("update");
  return row;
}

export async function updateCall(tx: Tx, row: Call, change: Partial<Call>) {
  const [updated] = await tx
    .update(emergencyCalls)
    .set(change)
    .where(and(eq(emergencyCalls.tenantId, row.tenantId), eq(emergencyCalls.callId, row.callId)))
    .returning();
  return updated!;
}

export const openCalls = (db: Executor, tenantId: string) =>
  db
    .select()
    .from(emergencyCalls)
    .where(and(eq(emergencyCalls.tenantId, tenantId), isNull(emergencyCalls.closedAt)))
    .orderBy(desc(emergencyCalls.raisedAt));
