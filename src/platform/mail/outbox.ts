import { and, asc, eq, isNull, lt, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { now } from "../clock.ts";
import type { Db, Executor, Tx } from "../db/index.ts";
import { newId } from "../ids.ts";
import { mailOutbox } from "./schema.ts";

export interface Mail {
  kind: string;
  to: string;
  subject: string;
  body: string;
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
    createdAt: now(),
  });
}

const MAX_ATTEMPTS = 8;
const BATCH = 20;

export interface Mailer {
  /** Sends what is waiting; returns how many went out. */
  flush(): Promise<number>;
  close(): void;
}

/**
 * Delivers the outbox over SMTP (MADOGUCHI_SMTP_URL, e.g. smtp://user:pass@host:587). Each mail is
 * marked sent only after the server accepted it; failures are retried on later flushes.
 */
export function createMailer(db: Db, smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  let running: Promise<number> | undefined;
  const flushOnce = async () => {
    let sent = 0;
    const pending = await db
      .select()
      .from(mailOutbox)
      .where(and(isNull(mailOutbox.sentAt), lt(mailOutbox.attempts, MAX_ATTEMPTS)))
      .orderBy(asc(mailOutbox.createdAt))
      .limit(BATCH);
    for (const mail of pending) {
      const key = and(eq(mailOutbox.tenantId, mail.tenantId), eq(mailOutbox.mailId, mail.mailId));
      try {
        await transport.sendMail({
          from,
          to: mail.recipient!,
          subject: mail.subject!,
          text: mail.body!,
        });
        await db
          .update(mailOutbox)
          .set({ sentAt: now(), attempts: sql`${mailOutbox.attempts} + 1`, lastError: null })
          .where(key);
        sent++;
      } catch (error) {
        await db
          .update(mailOutbox)
          .set({
            attempts: sql`${mailOutbox.attempts} + 1`,
            lastError: String((error as Error).message).slice(0, 200),
          })
          .where(key);
      }
    }
    return sent;
  };
  return {
    flush: () => {
      running ??= flushOnce().finally(() => {
        running = undefined;
      });
      return running;
    },
    close: () => transport.close(),
  };
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
    .set({ recipient: null, subject: null, body: null })
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

const FLUSH_EVERY_MS = 2_000;

/** Delivers the outbox every couple of seconds while the server runs. */
export function scheduleMail(mailer: Mailer, onError: (error: unknown) => void): () => void {
  const timer = setInterval(() => void mailer.flush().catch(onError), FLUSH_EVERY_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    mailer.close();
  };
}
