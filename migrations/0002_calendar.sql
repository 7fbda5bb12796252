CREATE TABLE "calendar_exceptions" (
	"tenant_id" text NOT NULL,
	"exception_id" text NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"counter" jsonb,
	"phone" jsonb,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_by_name" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" text,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	CONSTRAINT "calendar_exceptions_tenant_id_exception_id_pk" PRIMARY KEY("tenant_id","exception_id")
);
--> statement-breakpoint
CREATE TABLE "calendar_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "weekend_openings" (
	"tenant_id" text NOT NULL,
	"date" date NOT NULL,
	"reservation_only" boolean DEFAULT false NOT NULL,
	"designated_by" text NOT NULL,
	"designated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "weekend_openings_tenant_id_date_pk" PRIMARY KEY("tenant_id","date")
);
--> statement-breakpoint
CREATE INDEX "calendar_exceptions_date" ON "calendar_exceptions" USING btree ("tenant_id","date");