CREATE TABLE "auth_throttles" (
	"tenant_id" text NOT NULL,
	"scope" text NOT NULL,
	"subject" text NOT NULL,
	"failures" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone,
	"last_failure_at" timestamp with time zone NOT NULL,
	CONSTRAINT "auth_throttles_tenant_id_scope_subject_pk" PRIMARY KEY("tenant_id","scope","subject")
);
--> statement-breakpoint
CREATE TABLE "known_devices" (
	"tenant_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"username" text NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "known_devices_tenant_id_token_hash_username_pk" PRIMARY KEY("tenant_id","token_hash","username")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_pending_secret" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_reset_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_reset_by" text;--> statement-breakpoint
CREATE INDEX "auth_throttles_last_failure" ON "auth_throttles" USING btree ("last_failure_at");--> statement-breakpoint
CREATE INDEX "known_devices_last_seen" ON "known_devices" USING btree ("last_seen_at");