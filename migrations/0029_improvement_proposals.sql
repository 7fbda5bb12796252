CREATE TABLE "improvement_proposals" (
	"tenant_id" text NOT NULL,
	"proposal_id" text NOT NULL,
	"title" text NOT NULL,
	"problem" text NOT NULL,
	"measure" text NOT NULL,
	"effect" text NOT NULL,
	"evidence" text NOT NULL,
	"state" text NOT NULL,
	"drafted_by" text NOT NULL,
	"drafted_by_name" text NOT NULL,
	"drafted_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decision_comment" text,
	"implemented_by" jsonb NOT NULL,
	CONSTRAINT "improvement_proposals_tenant_id_proposal_id_pk" PRIMARY KEY("tenant_id","proposal_id")
);
--> statement-breakpoint
CREATE INDEX "proposals_state" ON "improvement_proposals" USING btree ("tenant_id","state");