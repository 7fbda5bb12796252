CREATE TABLE "staffing_plans" (
	"tenant_id" text NOT NULL,
	"plan_id" text NOT NULL,
	"month" text NOT NULL,
	"plan" jsonb NOT NULL,
	"people" jsonb NOT NULL,
	"shifts" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"edited_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"published_by" text,
	CONSTRAINT "staffing_plans_tenant_id_plan_id_pk" PRIMARY KEY("tenant_id","plan_id")
);
--> statement-breakpoint
CREATE INDEX "staffing_plans_month" ON "staffing_plans" USING btree ("tenant_id","month");