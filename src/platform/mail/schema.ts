import { sql } from "drizzle-orm";
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
    /** Text shown as a QR code in the mail (a booking code the kiosk scans); never personal data. */
    qrText: text("qr_text"),
    createdAt: timestamptz("created_at").notNull(),
    sentAt: timestamptz("sent_at"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** Not tried again before this; set by exponential backoff after each failure. */
    nextAttemptAt: timestamptz("next_attempt_at"),
    /** Given up on (送信不能): shown to the manager, who may send it again. */
    deadAt: timestamptz("dead_at"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.mailId] }),
    index("mail_outbox_pending").on(t.sentAt, t.createdAt),
    index("mail_outbox_due").on(t.nextAttemptAt).where(sql`sent_at is null and dead_at is null`),
  ],
);
