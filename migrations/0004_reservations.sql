CREATE TABLE "reservations" (
	"tenant_id" text NOT NULL,
	"reservation_id" text NOT NULL,
	"code" text NOT NULL,
	"manage_token" text NOT NULL,
	"procedure_code" text NOT NULL,
	"group_code" text NOT NULL,
	"slot_start" timestamp with time zone NOT NULL,
	"slot_end" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"channel" text NOT NULL,
	"name_kana" text,
	"email" text,
	"phone" text,
	"reference" text,
	"contact_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"closure_notice_at" timestamp with time zone,
	"ticket_id" text,
	"purged_at" timestamp with time zone,
	CONSTRAINT "reservations_tenant_id_reservation_id_pk" PRIMARY KEY("tenant_id","reservation_id")
);
--> statement-breakpoint
CREATE TABLE "slot_counts" (
	"tenant_id" text NOT NULL,
	"group_code" text NOT NULL,
	"slot_start" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer NOT NULL,
	CONSTRAINT "slot_counts_tenant_id_group_code_slot_start_pk" PRIMARY KEY("tenant_id","group_code","slot_start")
);
--> statement-breakpoint
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
CREATE UNIQUE INDEX "reservations_code" ON "reservations" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "reservations_manage_token" ON "reservations" USING btree ("manage_token");--> statement-breakpoint
CREATE INDEX "reservations_slot" ON "reservations" USING btree ("tenant_id","slot_start");--> statement-breakpoint
CREATE INDEX "reservations_contact" ON "reservations" USING btree ("tenant_id","contact_key");--> statement-breakpoint
CREATE INDEX "mail_outbox_pending" ON "mail_outbox" USING btree ("sent_at","created_at");