CREATE TABLE "investigations" (
	"tenant_id" text NOT NULL,
	"investigation_id" text NOT NULL,
	"subject" text NOT NULL,
	"details" text NOT NULL,
	"period" text,
	"due_date" date NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"requested_by" text NOT NULL,
	"requested_by_name" text NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" text,
	"answered_by_name" text,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	CONSTRAINT "investigations_tenant_id_investigation_id_pk" PRIMARY KEY("tenant_id","investigation_id")
);
