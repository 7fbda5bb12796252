CREATE TABLE "reports" (
	"tenant_id" text NOT NULL,
	"report_id" text NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"figures" jsonb NOT NULL,
	"remarks" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by" text NOT NULL,
	"submitted_by_name" text NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"decided_by_name" text,
	"comment" text,
	CONSTRAINT "reports_tenant_id_report_id_pk" PRIMARY KEY("tenant_id","report_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "reports_version" ON "reports" USING btree ("tenant_id","kind","period","version");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_one_pending" ON "reports" USING btree ("tenant_id","kind","period") WHERE status = 'submitted';--> statement-breakpoint
CREATE UNIQUE INDEX "reports_one_accepted" ON "reports" USING btree ("tenant_id","kind","period") WHERE status = 'accepted';