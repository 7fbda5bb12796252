CREATE TABLE "counter_sessions" (
	"tenant_id" text NOT NULL,
	"session_id" text NOT NULL,
	"counter_id" text NOT NULL,
	"terminal_id" text,
	"user_id" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"planned_close_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "counter_sessions_tenant_id_session_id_pk" PRIMARY KEY("tenant_id","session_id")
);
--> statement-breakpoint
CREATE TABLE "counters" (
	"tenant_id" text NOT NULL,
	"counter_id" text NOT NULL,
	"name_ja" text NOT NULL,
	"default_terminal_id" text,
	"procedure_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "counters_tenant_id_counter_id_pk" PRIMARY KEY("tenant_id","counter_id")
);
--> statement-breakpoint
CREATE TABLE "procedure_groups" (
	"tenant_id" text NOT NULL,
	"group_code" text NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"prefix" text NOT NULL,
	"sort" integer NOT NULL,
	CONSTRAINT "procedure_groups_tenant_id_group_code_pk" PRIMARY KEY("tenant_id","group_code")
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"tenant_id" text NOT NULL,
	"code" text NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"standard_minutes" integer NOT NULL,
	"needs_integrated_terminal" boolean NOT NULL,
	"report_category" text NOT NULL,
	"at_counter" boolean NOT NULL,
	"group_code" text NOT NULL,
	"sort" integer NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "procedures_tenant_id_code_pk" PRIMARY KEY("tenant_id","code")
);
--> statement-breakpoint
CREATE TABLE "queue_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"alert_longest_wait_minutes" integer NOT NULL,
	"alert_queue_length" integer NOT NULL,
	"no_show_after_recalls" integer NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_records" (
	"tenant_id" text NOT NULL,
	"record_id" text NOT NULL,
	"service_day" date NOT NULL,
	"procedure_code" text NOT NULL,
	"channel" text NOT NULL,
	"outcome" text NOT NULL,
	"outcome_reason" text,
	"category" text,
	"checklist" jsonb,
	"staff_user_id" text NOT NULL,
	"counter_id" text,
	"terminal_id" text,
	"ticket_id" text,
	"issued_at" timestamp with time zone,
	"called_at" timestamp with time zone,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	CONSTRAINT "service_records_tenant_id_record_id_pk" PRIMARY KEY("tenant_id","record_id")
);
--> statement-breakpoint
CREATE TABLE "terminals" (
	"tenant_id" text NOT NULL,
	"terminal_id" text NOT NULL,
	"kind" text NOT NULL,
	"name_ja" text NOT NULL,
	CONSTRAINT "terminals_tenant_id_terminal_id_pk" PRIMARY KEY("tenant_id","terminal_id")
);
--> statement-breakpoint
CREATE TABLE "ticket_numbers" (
	"tenant_id" text NOT NULL,
	"service_day" date NOT NULL,
	"group_code" text NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "ticket_numbers_tenant_id_service_day_group_code_pk" PRIMARY KEY("tenant_id","service_day","group_code")
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"tenant_id" text NOT NULL,
	"ticket_id" text NOT NULL,
	"service_day" date NOT NULL,
	"group_code" text NOT NULL,
	"number" integer NOT NULL,
	"display_number" text NOT NULL,
	"procedure_codes" text[] NOT NULL,
	"priority" boolean NOT NULL,
	"priority_reason" text,
	"status" text NOT NULL,
	"reserved_for" timestamp with time zone,
	"target_counter_id" text,
	"counter_id" text,
	"session_id" text,
	"staff_user_id" text,
	"recall_count" integer DEFAULT 0 NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"called_at" timestamp with time zone,
	"last_called_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"status_token" text NOT NULL,
	"issued_by" text NOT NULL,
	"override_reason" text,
	"note" text,
	"estimate_median" double precision,
	"estimate_p90" double precision,
	"estimate_naive" double precision,
	"estimate_raw" double precision,
	CONSTRAINT "tickets_tenant_id_ticket_id_pk" PRIMARY KEY("tenant_id","ticket_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "counter_sessions_open_terminal" ON "counter_sessions" USING btree ("tenant_id","terminal_id") WHERE closed_at is null and terminal_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "counter_sessions_open_counter" ON "counter_sessions" USING btree ("tenant_id","counter_id") WHERE closed_at is null;--> statement-breakpoint
CREATE INDEX "service_records_day" ON "service_records" USING btree ("tenant_id","service_day");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_number" ON "tickets" USING btree ("tenant_id","service_day","display_number");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_status_token" ON "tickets" USING btree ("status_token");--> statement-breakpoint
CREATE INDEX "tickets_day_status" ON "tickets" USING btree ("tenant_id","service_day","status");