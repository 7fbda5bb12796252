CREATE TABLE "notice_reads" (
	"tenant_id" text NOT NULL,
	"notice_id" text NOT NULL,
	"user_id" text NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notice_reads_tenant_id_notice_id_user_id_pk" PRIMARY KEY("tenant_id","notice_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "staff_notices" (
	"tenant_id" text NOT NULL,
	"notice_id" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"essential" boolean NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" text NOT NULL,
	"published_by_name" text NOT NULL,
	CONSTRAINT "staff_notices_tenant_id_notice_id_pk" PRIMARY KEY("tenant_id","notice_id")
);
--> statement-breakpoint
CREATE INDEX "staff_notices_published" ON "staff_notices" USING btree ("tenant_id","published_at");