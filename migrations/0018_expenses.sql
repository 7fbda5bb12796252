CREATE TABLE "expense_entries" (
	"tenant_id" text NOT NULL,
	"entry_id" text NOT NULL,
	"month" text NOT NULL,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"amount" integer NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"retain_until" date NOT NULL,
	CONSTRAINT "expense_entries_tenant_id_entry_id_pk" PRIMARY KEY("tenant_id","entry_id")
);
--> statement-breakpoint
CREATE TABLE "expense_rates" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"rates" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER expense_entries_retained BEFORE DELETE ON "expense_entries" FOR EACH ROW EXECUTE FUNCTION madoguchi_refuse_early_delete();--> statement-breakpoint
CREATE TRIGGER expense_entries_retention_kept BEFORE UPDATE OF "retain_until" ON "expense_entries" FOR EACH ROW EXECUTE FUNCTION madoguchi_refuse_shorter_retention();
