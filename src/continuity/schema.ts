import { integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { timestamptz } from "../platform/db/columns.ts";

export interface Contact {
  name: string;
  role: string;
  phone?: string | undefined;
  email?: string | undefined;
}

/**
 * 緊急時の体制 (BCP, 仕様 8(1)): who to call and who decides, the fallback procedures for a terminal
 * or network outage, the paper tickets' numbers set aside, and where incidents are reported to
 * the city. Every version is kept: the record is what was in force when.
 */
export const continuityPlans = pgTable(
  "continuity_plans",
  {
    tenantId: text("tenant_id").notNull(),
    version: integer("version").notNull(),
    contacts: jsonb("contacts").$type<Contact[]>().notNull(),
    deciders: text("deciders").notNull(),
    procedures: text("procedures").notNull(),
    /** Numbers printed on the paper tickets kept for an outage (e.g. P001–P200). */
    paperTicketPrefix: text("paper_ticket_prefix").notNull(),
    paperTicketCount: integer("paper_ticket_count").notNull(),
    /** Where an incident is reported to the city at once (e-mail). */
    cityNoticeEmails: jsonb("city_notice_emails").$type<string[]>().notNull(),
    savedAt: timestamptz("saved_at").notNull(),
    savedBy: text("saved_by").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.version] })],
);
