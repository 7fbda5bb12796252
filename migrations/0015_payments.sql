CREATE TABLE "contract_terms" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"terms" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_claims" (
	"tenant_id" text NOT NULL,
	"month" text NOT NULL,
	"kind" text NOT NULL,
	"invoice_number" text NOT NULL,
	"report_id" text NOT NULL,
	"report_version" integer NOT NULL,
	"amount" jsonb NOT NULL,
	"total" integer NOT NULL,
	"terms" jsonb NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"claimed_by" text NOT NULL,
	"claimed_by_name" text NOT NULL,
	"paid_at" timestamp with time zone,
	"paid_by" text,
	"paid_by_name" text,
	CONSTRAINT "payment_claims_tenant_id_month_pk" PRIMARY KEY("tenant_id","month")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "payment_claims_invoice" ON "payment_claims" USING btree ("tenant_id","invoice_number");