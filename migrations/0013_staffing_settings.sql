CREATE TABLE "staffing_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"targets" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
