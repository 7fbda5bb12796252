CREATE TABLE "turn_notices" (
	"tenant_id" text NOT NULL,
	"ticket_id" text NOT NULL,
	"channel" text NOT NULL,
	"address" text,
	"ahead_at_most" integer NOT NULL,
	"service_day" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	CONSTRAINT "turn_notices_tenant_id_ticket_id_channel_pk" PRIMARY KEY("tenant_id","ticket_id","channel")
);
--> statement-breakpoint
CREATE INDEX "turn_notices_open" ON "turn_notices" USING btree ("tenant_id","service_day");