import { index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { timestamptz } from "../db/columns.ts";

/**
 * 送信待ちメール: notices are written here in the same transaction as what they announce, and
 * delivered afterwards, so an acknowledged booking never loses its confirmation. Addresses and
 * bodies are personal data: blanked by the purge once sent and old.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    tenantId: text("tenant_id").notNull(),
    mailId: text("mail_id").notNull(),
    kind: text("kind").notNull(),
    recipient: text("recipient"),
    subject: text("subject"),
    body: text("body"),
    createdAt: timestamptz("created_at").notNull(),
    sentAt: timestamptz("sent_at"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.mailId] }),
    index("mail_outbox_pending").on(t.sentAt, t.createdAt),
  ],
);
