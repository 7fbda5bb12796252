CREATE TABLE "continuity_plans" (
	"tenant_id" text NOT NULL,
	"version" integer NOT NULL,
	"contacts" jsonb NOT NULL,
	"deciders" text NOT NULL,
	"procedures" text NOT NULL,
	"paper_ticket_prefix" text NOT NULL,
	"paper_ticket_count" integer NOT NULL,
	"city_notice_emails" jsonb NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	"saved_by" text NOT NULL,
	CONSTRAINT "continuity_plans_tenant_id_version_pk" PRIMARY KEY("tenant_id","version")
);
--> statement-breakpoint
CREATE TABLE "emergency_calls" (
	"tenant_id" text NOT NULL,
	"call_id" text NOT NULL,
	"counter_id" text NOT NULL,
	"reason" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"raised_by" text NOT NULL,
	"raised_by_name" text NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" text,
	"acknowledged_by_name" text,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"note" text,
	CONSTRAINT "emergency_calls_tenant_id_call_id_pk" PRIMARY KEY("tenant_id","call_id")
);
--> statement-breakpoint
CREATE TABLE "incident_entries" (
	"tenant_id" text NOT NULL,
	"entry_id" text NOT NULL,
	"incident_id" text NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" text NOT NULL,
	"actor_role" text NOT NULL,
	"actor_name" text NOT NULL,
	CONSTRAINT "incident_entries_tenant_id_entry_id_pk" PRIMARY KEY("tenant_id","entry_id")
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"tenant_id" text NOT NULL,
	"incident_id" text NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"summary" text NOT NULL,
	"affected" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"reported_by" text NOT NULL,
	"state" text NOT NULL,
	"city_notified_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"recurrence_prevention" text,
	CONSTRAINT "incidents_tenant_id_incident_id_pk" PRIMARY KEY("tenant_id","incident_id")
);
--> statement-breakpoint
CREATE INDEX "incident_entries_incident" ON "incident_entries" USING btree ("tenant_id","incident_id","at");--> statement-breakpoint
CREATE INDEX "incidents_reported" ON "incidents" USING btree ("tenant_id","reported_at");--> statement-breakpoint
-- 仕様 14: an incident and its timeline are never deleted; a timeline line is never rewritten.
CREATE FUNCTION madoguchi_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'madoguchi: % on % is not allowed (kept on record)', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER incidents_kept BEFORE DELETE ON "incidents" FOR EACH ROW EXECUTE FUNCTION madoguchi_refuse_change();
--> statement-breakpoint
CREATE TRIGGER incident_entries_kept BEFORE DELETE OR UPDATE ON "incident_entries" FOR EACH ROW EXECUTE FUNCTION madoguchi_refuse_change();
--> statement-breakpoint
CREATE TRIGGER continuity_plans_kept BEFORE DELETE OR UPDATE ON "continuity_plans" FOR EACH ROW EXECUTE FUNCTION madoguchi_refuse_change();
