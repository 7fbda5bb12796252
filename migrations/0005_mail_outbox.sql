CREATE TABLE "mail_outbox" (
	"tenant_id" text NOT NULL,
	"mail_id" text NOT NULL,
	"kind" text NOT NULL,
	"recipient" text,
	"subject" text,
	"body" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	CONSTRAINT "mail_outbox_tenant_id_mail_id_pk" PRIMARY KEY("tenant_id","mail_id")
);
--> statement-breakpoint
CREATE INDEX "mail_outbox_pending" ON "mail_outbox" USING btree ("sent_at","created_at");