ALTER TABLE "mail_outbox" ADD COLUMN "next_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "dead_at" timestamp with time zone;--> statement-breakpoint
-- Mails the old outbox had given up on (8 attempts) become visible dead letters.
UPDATE "mail_outbox" SET "dead_at" = now() WHERE "sent_at" IS NULL AND "attempts" >= 8;--> statement-breakpoint
-- Before the one-open-session-per-person rule: a person's older open sessions are closed.
UPDATE "counter_sessions" AS s SET "closed_at" = now() WHERE s."closed_at" IS NULL AND EXISTS (SELECT 1 FROM "counter_sessions" o WHERE o."tenant_id" = s."tenant_id" AND o."user_id" = s."user_id" AND o."closed_at" IS NULL AND (o."opened_at", o."session_id") > (s."opened_at", s."session_id"));--> statement-breakpoint
-- Before the one-submission rule: a second submission made by a race is kept as a change notice.
UPDATE "roster_notices" AS n SET "kind" = 'details' WHERE n."kind" = 'submission' AND EXISTS (SELECT 1 FROM "roster_notices" o WHERE o."tenant_id" = n."tenant_id" AND o."kind" = 'submission' AND (o."created_at", o."notice_id") < (n."created_at", n."notice_id"));--> statement-breakpoint
CREATE UNIQUE INDEX "counter_sessions_open_user" ON "counter_sessions" USING btree ("tenant_id","user_id") WHERE closed_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "roster_notices_one_submission" ON "roster_notices" USING btree ("tenant_id") WHERE kind = 'submission';--> statement-breakpoint
CREATE INDEX "mail_outbox_due" ON "mail_outbox" USING btree ("next_attempt_at") WHERE sent_at is null and dead_at is null;