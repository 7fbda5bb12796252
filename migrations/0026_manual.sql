CREATE TABLE "manual_versions" (
	"tenant_id" text NOT NULL,
	"version_id" text NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"state" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" text,
	CONSTRAINT "manual_versions_tenant_id_version_id_pk" PRIMARY KEY("tenant_id","version_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "manual_versions_number" ON "manual_versions" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE INDEX "manual_versions_state" ON "manual_versions" USING btree ("tenant_id","state");--> statement-breakpoint
-- Every version stays on record: none is deleted.
CREATE TRIGGER manual_versions_kept BEFORE DELETE ON "manual_versions" FOR EACH ROW EXECUTE FUNCTION madoguchi_refuse_change();
