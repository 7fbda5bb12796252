CREATE TABLE "disclosure_files" (
	"tenant_id" text NOT NULL,
	"disclosure_id" text NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"ref" text NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"masked" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "disclosure_files_tenant_id_disclosure_id_seq_pk" PRIMARY KEY("tenant_id","disclosure_id","seq")
);
--> statement-breakpoint
CREATE TABLE "disclosures" (
	"tenant_id" text NOT NULL,
	"disclosure_id" text NOT NULL,
	"request_no" text NOT NULL,
	"requester" text NOT NULL,
	"received_on" text NOT NULL,
	"disclosed_on" text NOT NULL,
	"mask" jsonb NOT NULL,
	"made_by" text NOT NULL,
	"made_by_name" text NOT NULL,
	"made_at" timestamp with time zone NOT NULL,
	CONSTRAINT "disclosures_tenant_id_disclosure_id_pk" PRIMARY KEY("tenant_id","disclosure_id")
);
--> statement-breakpoint
CREATE INDEX "disclosures_made" ON "disclosures" USING btree ("tenant_id","made_at");--> statement-breakpoint
CREATE TRIGGER disclosures_kept BEFORE DELETE OR UPDATE ON "disclosures" FOR EACH ROW EXECUTE FUNCTION madoguchi_refuse_change();
--> statement-breakpoint
CREATE TRIGGER disclosure_files_kept BEFORE DELETE OR UPDATE ON "disclosure_files" FOR EACH ROW EXECUTE FUNCTION madoguchi_refuse_change();
