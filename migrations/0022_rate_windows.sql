CREATE TABLE "rate_windows" (
	"tenant_id" text NOT NULL,
	"scope" text NOT NULL,
	"key_hash" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer NOT NULL,
	CONSTRAINT "rate_windows_tenant_id_scope_key_hash_pk" PRIMARY KEY("tenant_id","scope","key_hash")
);
