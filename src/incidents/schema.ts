import { index, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { timestamptz } from "../platform/db/columns.ts";

/**
 * 事故・障害 (仕様 8(2)ク・ケ, 14): what happened, when, how serious, reported to the city at once,
 * then the city's instructions, the actions, the closure and the measures against recurrence.
 * Nothing is deleted (a trigger refuses it); the timeline is append-only.
 */
export const incidents = pgTable(
  "incidents",
  {
    tenantId: text("tenant_id").notNull(),
    incidentId: text("incident_id").notNull(),
    kind: text("kind").notNull(),
    severity: text("severity").notNull(),
    summary: text("summary").notNull(),
    /** Who was affected, described without personal data where possible. */
    affected: text("affected"),
    occurredAt: timestamptz("occurred_at").notNull(),
    reportedAt: timestamptz("reported_at").notNull(),
    reportedBy: text("reported_by").notNull(),
    state: text("state").notNull(),
    cityNotifiedAt: timestamptz("city_notified_at"),
    closedAt: timestamptz("closed_at"),
    closedBy: text("closed_by"),
    recurrencePrevention: text("recurrence_prevention"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.incidentId] }),
    index("incidents_reported").on(t.tenantId, t.reportedAt),
  ],
);

/** One line of an incident's timeline: the report, notices, instructions, actions, closure. */
export const incidentEntries = pgTable(
  "incident_entries",
  {
    tenantId: text("tenant_id").notNull(),
    entryId: text("entry_id").notNull(),
    incidentId: text("incident_id").notNull(),
    kind: text("kind").notNull(),
    text: text("text").notNull(),
    at: timestamptz("at").notNull(),
    actorId: text("actor_id").notNull(),
    actorRole: text("actor_role").notNull(),
    actorName: text("actor_name").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.entryId] }),
    index("incident_entries_incident").on(t.tenantId, t.incidentId, t.at),
  ],
);

/** 緊急呼出: an alarm raised at a counter, heard on every workstation, closed with a note. */
export const emergencyCalls = pgTable(
  "emergency_calls",
  {
    tenantId: text("tenant_id").notNull(),
    callId: text("call_id").notNull(),
    counterId: text("counter_id").notNull(),
    reason: text("reason").notNull(),
    raisedAt: timestamptz("raised_at").notNull(),
    raisedBy: text("raised_by").notNull(),
    raisedByName: text("raised_by_name").notNull(),
    acknowledgedAt: timestamptz("acknowledged_at"),
    acknowledgedBy: text("acknowledged_by"),
    acknowledgedByName: text("acknowledged_by_name"),
    closedAt: timestamptz("closed_at"),
    closedBy: text("closed_by"),
    note: text("note"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.callId] })],
);
