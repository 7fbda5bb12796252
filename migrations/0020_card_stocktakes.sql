CREATE TABLE "card_stocktakes" (
	"tenant_id" text NOT NULL,
	"stocktake_id" text NOT NULL,
	"locker" text,
	"scanned" integer NOT NULL,
	"missing" jsonb NOT NULL,
	"misplaced" jsonb NOT NULL,
	"unknown" jsonb NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"taken_by" text NOT NULL,
	"taken_by_name" text NOT NULL,
	"retain_until" date NOT NULL,
	CONSTRAINT "card_stocktakes_tenant_id_stocktake_id_pk" PRIMARY KEY("tenant_id","stocktake_id")
);
--> statement-breakpoint
CREATE TRIGGER card_stocktakes_retained BEFORE DELETE ON "card_stocktakes" FOR EACH ROW EXECUTE FUNCTION madoguchi_refuse_early_delete();--> statement-breakpoint
CREATE TRIGGER card_stocktakes_retention_kept BEFORE UPDATE OF "retain_until" ON "card_stocktakes" FOR EACH ROW EXECUTE FUNCTION madoguchi_refuse_shorter_retention();
