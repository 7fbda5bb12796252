CREATE TABLE "commitment_evidence" (
	"tenant_id" text NOT NULL,
	"evidence_id" text NOT NULL,
	"commitment_id" text NOT NULL,
	"kind" text NOT NULL,
	"ref" text NOT NULL,
	"month" text NOT NULL,
	"label" text NOT NULL,
	"value" double precision,
	"note" text,
	"added_by" text NOT NULL,
	"added_by_name" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "commitment_evidence_tenant_id_evidence_id_pk" PRIMARY KEY("tenant_id","evidence_id")
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"tenant_id" text NOT NULL,
	"commitment_id" text NOT NULL,
	"ref" text NOT NULL,
	"title" text NOT NULL,
	"detail" text NOT NULL,
	"category" text NOT NULL,
	"cadence" text NOT NULL,
	"from_month" text NOT NULL,
	"state" text NOT NULL,
	"state_note" text,
	"review" jsonb,
	"created_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "commitments_tenant_id_commitment_id_pk" PRIMARY KEY("tenant_id","commitment_id")
);
--> statement-breakpoint
CREATE INDEX "commitment_evidence_of" ON "commitment_evidence" USING btree ("tenant_id","commitment_id");--> statement-breakpoint
CREATE TRIGGER commitments_kept BEFORE DELETE ON "commitments" FOR EACH ROW EXECUTE FUNCTION madoguchi_refuse_change();
--> statement-breakpoint
CREATE TRIGGER commitment_evidence_kept BEFORE DELETE OR UPDATE ON "commitment_evidence" FOR EACH ROW EXECUTE FUNCTION madoguchi_refuse_change();
