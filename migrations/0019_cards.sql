CREATE TABLE "card_batches" (
	"tenant_id" text NOT NULL,
	"batch_id" text NOT NULL,
	"delivered_on" date NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"received_by" text NOT NULL,
	CONSTRAINT "card_batches_tenant_id_batch_id_pk" PRIMARY KEY("tenant_id","batch_id")
);
--> statement-breakpoint
CREATE TABLE "card_events" (
	"tenant_id" text NOT NULL,
	"event_id" text NOT NULL,
	"card_id" text NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"reason" text,
	"actor_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "card_events_tenant_id_event_id_pk" PRIMARY KEY("tenant_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "card_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"disposal_after_days" integer NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cards" (
	"tenant_id" text NOT NULL,
	"card_id" text NOT NULL,
	"batch_id" text NOT NULL,
	"notice_ref" text NOT NULL,
	"name_kana" text NOT NULL,
	"birth_date" date NOT NULL,
	"express" boolean NOT NULL,
	"state" text NOT NULL,
	"locker" text,
	"slot" text,
	"setup_terminal_id" text,
	"setup_by" text,
	"setup_at" timestamp with time zone,
	"notice_sent_at" timestamp with time zone,
	"reservation_id" text,
	"handed_over_at" timestamp with time zone,
	"handed_over_by" text,
	"identity_check" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cards_tenant_id_card_id_pk" PRIMARY KEY("tenant_id","card_id")
);
--> statement-breakpoint
CREATE INDEX "card_events_card" ON "card_events" USING btree ("tenant_id","card_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cards_notice_ref" ON "cards" USING btree ("tenant_id","notice_ref") WHERE state <> 'defective';--> statement-breakpoint
CREATE INDEX "cards_state" ON "cards" USING btree ("tenant_id","state");--> statement-breakpoint
CREATE INDEX "cards_holder" ON "cards" USING btree ("tenant_id","name_kana","birth_date");