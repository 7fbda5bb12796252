import { and, asc, eq, isNull, lte, or, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import QRCode from "qrcode";
import { now } from "../clock.ts";
import type { Db } from "../db/index.ts";
import { mailOutbox } from "../mail/schema.ts";
import { runExclusive } from "./exclusive.ts";

const BATCH = 20;
/** First retry after 30 s, doubling, at most an hour apart: a day-long outage costs ~30 tries. */
const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 3_600_000;
/** After this many failures (about 10 hours of a mail server down) the mail is a dead letter. */
export const MAX_ATTEMPTS = 16;

export function retryDelayMs(attempts: number): number {
  return Math.min(LONGEST_WAIT_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

/** An SMTP 5xx reply is permanent (no such mailbox, refused): trying again will not help. */
function permanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/**
 * A mail that carries a QR code: the same text as HTML with the code as an inline image (the
 * kiosk's scanner reads it from the phone's screen), and the image attached for mail readers
 * that show no HTML.
 */
async function withQrCode(body: string, qrText: string) {
  const png = await QRCode.toBuffer(qrText, { margin: 2, width: 240 });
  const html = `<pre style="font-family:sans-serif;white-space:pre-wrap">${escapeHtml(body)}</pre><p><img src="cid:booking-qr" alt="${escapeHtml(qrText)}" width="240" height="240"></p>`;
  return {
    html,
    attachments: [
      { filename: "qr.png", content: png, cid: "booking-qr", contentType: "image/png" },
    ],
  };
}

export interface MailDelivery {
  /** Sends what is due; returns how many the server accepted. */
  flush(): Promise<number>;
  close(): void;
}

export interface DeliveryEvents {
  /** A mail became a dead letter: the leads see it on their home page; the log says so too. */
  onDead?: (mail: { tenantId: string; mailId: string; kind: string; error: string }) => void;
}

/**
 * Delivers the outbox over SMTP (MADOGUCHI_SMTP_URL). A mail is marked sent only after the server
 * accepted it; a failure schedules the next attempt with exponential backoff; a permanent refusal
 * or too many failures make it a dead letter, visible and sendable again, never silently dropped.
 * One process delivers at a time (advisory lock), so no mail goes out twice from two processes.
 */
export function createMailDelivery(
  db: Db,
  smtpUrl: string,
  from: string,
  events: DeliveryEvents = {},
): MailDelivery {
  const transport = nodemailer.createTransport(smtpUrl);
  let running: Promise<number> | undefined;
  const deliverDue = async () => {
    const at = now();
    const due = await db
      .select()
      .from(mailOutbox)
      .where(
        and(
          isNull(mailOutbox.sentAt),
          isNull(mailOutbox.deadAt),
          or(isNull(mailOutbox.nextAttemptAt), lte(mailOutbox.nextAttemptAt, at)),
        ),
      )
      .orderBy(asc(mailOutbox.createdAt))
      .limit(BATCH);
    let sent = 0;
    for (const mail of due) {
      const key = and(eq(mailOutbox.tenantId, mail.tenantId), eq(mailOutbox.mailId, mail.mailId));
      try {
        await transport.sendMail({
          from,
          to: mail.recipient!,
          subject: mail.subject!,
          text: mail.body!,
          ...(mail.qrText ? await withQrCode(mail.body!, mail.qrText) : {}),
        });
        await db
          .update(mailOutbox)
          .set({
            sentAt: now(),
            attempts: sql`${mailOutbox.attempts} + 1`,
            lastError: null,
            nextAttemptAt: null,
          })
          .where(key);
        sent++;
      } catch (error) {
        const attempts = mail.attempts + 1;
        const message = String((error as Error).message).slice(0, 200);
        const dead = permanent(error) || attempts >= MAX_ATTEMPTS;
        await db
          .update(mailOutbox)
          .set({
            attempts,
            lastError: message,
            nextAttemptAt: dead ? null : new Date(now().getTime() + retryDelayMs(attempts)),
            deadAt: dead ? now() : null,
          })
          .where(key);
        if (dead)
          events.onDead?.({
            tenantId: mail.tenantId,
            mailId: mail.mailId,
            kind: mail.kind,
            error: message,
          });
      }
    }
    return sent;
  };
  return {
    flush: () => {
      running ??= runExclusive(db, "mail-delivery", deliverDue)
        .then((n) => n ?? 0)
        .finally(() => {
          running = undefined;
        });
      return running;
    },
    close: () => transport.close(),
  };
}
