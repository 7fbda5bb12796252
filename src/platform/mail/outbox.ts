import { and, desc, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { now } from "../clock.ts";
import type { Executor, Tx } from "../db/index.ts";
import { notFound } from "../errors.ts";
import { newId } from "../ids.ts";
import { audit, type Ctx, requireAccess } from "../operation.ts";
import { mailOutbox } from "./schema.ts";

export interface Mail {
  kind: string;
  to: string;
  subject: string;
  body: string;
  /** Sent as a QR code image beside the text, e.g. a booking code for the kiosk's scanner. */
  qr?: string | undefined;
}

/** Queues a mail inside the caller's transaction: it is sent only if that transaction commits. */
export async function enqueueMail(tx: Tx, tenantId: string, mail: Mail): Promise<void> {
  await tx.insert(mailOutbox).values({
    tenantId,
    mailId: newId(),
    kind: mail.kind,
    recipient: mail.to,
    subject: mail.subject,
    body: mail.body,
    qrText: mail.qr ?? null,
    createdAt: now(),
  });
}

export async function pendingMails(db: Executor, tenantId: string) {
  return db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.tenantId, tenantId), isNull(mailOutbox.sentAt)));
}

/** Blanks the addresses and bodies of mails sent before the cutoff (the purge calls this). */
export async function purgeSentMails(
  tx: Executor,
  tenantId: string,
  cutoff: Date,
): Promise<number> {
  const rows = await tx
    .update(mailOutbox)
    .set({ recipient: null, subject: null, body: null, qrText: null })
    .where(
      and(
        eq(mailOutbox.tenantId, tenantId),
        lt(mailOutbox.sentAt, cutoff),
        sql`${mailOutbox.recipient} is not null`,
      ),
    )
    .returning({ id: mailOutbox.mailId });
  return rows.length;
}

/** 送信不能の通知: mails given up on, for the leads to see (kind, subject, when, why; never the address). */
export async function deadLetters(ctx: Ctx) {
  requireAccess(ctx, "mail.monitor");
  return ctx.tx
    .select({
      mailId: mailOutbox.mailId,
      kind: mailOutbox.kind,
      // Fixed per kind (e.g. 【予約完了】…): tells the leads what it was, without the address or body.
      subject: mailOutbox.subject,
      createdAt: mailOutbox.createdAt,
      deadAt: mailOutbox.deadAt,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
    })
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.tenantId, ctx.tenantId),
        isNotNull(mailOutbox.deadAt),
        isNull(mailOutbox.sentAt),
      ),
    )
    .orderBy(desc(mailOutbox.deadAt))
    .limit(50);
}

/** Sends a dead letter again (say, once the address was corrected or the server fixed). */
export async function resendDeadLetter(ctx: Ctx, { mailId }: { mailId: string }) {
  requireAccess(ctx, "mail.monitor");
  const [row] = await ctx.tx
    .update(mailOutbox)
    .set({ deadAt: null, nextAttemptAt: null, attempts: 0 })
    .where(
      and(
        eq(mailOutbox.tenantId, ctx.tenantId),
        eq(mailOutbox.mailId, mailId),
        isNotNull(mailOutbox.deadAt),
        isNull(mailOutbox.sentAt),
      ),
    )
    .returning({ mailId: mailOutbox.mailId });
  if (!row) throw notFound("送信不能の通知", "Dead letter");
  await audit(ctx, { action: "mail.resend", entity: "mail", entityId: mailId });
}
