CREATE TABLE "subcontract_requests" (
	"tenant_id" text NOT NULL,
	"request_id" text NOT NULL,
	"subcontractor" text NOT NULL,
	"address" text NOT NULL,
	"areas" jsonb NOT NULL,
	"scope" text NOT NULL,
	"reason" text NOT NULL,
	"period_from" text NOT NULL,
	"period_to" text NOT NULL,
	"handles_personal_data" boolean NOT NULL,
	"safeguards" text NOT NULL,
	"state" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_by_name" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decision" jsonb,
	CONSTRAINT "subcontract_requests_tenant_id_request_id_pk" PRIMARY KEY("tenant_id","request_id")
);
--> statement-breakpoint
CREATE TRIGGER subcontract_requests_kept BEFORE DELETE ON "subcontract_requests" FOR EACH ROW EXECUTE FUNCTION madoguchi_refuse_change();
--> statement-breakpoint
CREATE FUNCTION madoguchi_subcontract_answered() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The city's written answer (or a withdrawal) is final: the record shows it as given.
  IF OLD.state <> 'requested' THEN
    RAISE EXCEPTION 'subcontract request % is already %', OLD.request_id, OLD.state;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER subcontract_requests_answered BEFORE UPDATE ON "subcontract_requests" FOR EACH ROW EXECUTE FUNCTION madoguchi_subcontract_answered();
