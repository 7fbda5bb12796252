CREATE TABLE "demo_history_days" (
	"tenant_id" text NOT NULL,
	"day" date NOT NULL,
	"made_at" timestamp with time zone NOT NULL,
	CONSTRAINT "demo_history_days_tenant_id_day_pk" PRIMARY KEY("tenant_id","day")
);
