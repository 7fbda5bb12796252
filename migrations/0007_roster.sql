CREATE TABLE "roster_notices" (
	"tenant_id" text NOT NULL,
	"notice_id" text NOT NULL,
	"kind" text NOT NULL,
	"person_id" text,
	"summary" text NOT NULL,
	"summary_en" text NOT NULL,
	"changes" jsonb,
	"snapshot" jsonb NOT NULL,
	"chart_changed" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" text,
	"acknowledgement_note" text,
	CONSTRAINT "roster_notices_tenant_id_notice_id_pk" PRIMARY KEY("tenant_id","notice_id")
);
--> statement-breakpoint
CREATE TABLE "roster_people" (
	"tenant_id" text NOT NULL,
	"person_id" text NOT NULL,
	"name_kanji" text NOT NULL,
	"name_kana" text NOT NULL,
	"employment" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"contact" text,
	"card_experience_months" integer NOT NULL,
	"municipal_experience_where" text,
	"municipal_experience_months" integer,
	"certificate_grade" text,
	"certificate_date" date,
	"work_roles" text[] NOT NULL,
	"weekly_hour_limit" integer NOT NULL,
	"availability" jsonb NOT NULL,
	"user_id" text,
	"designation" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "roster_people_tenant_id_person_id_pk" PRIMARY KEY("tenant_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "roster_shifts" (
	"tenant_id" text NOT NULL,
	"shift_id" text NOT NULL,
	"person_id" text NOT NULL,
	"day" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"work" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "roster_shifts_tenant_id_shift_id_pk" PRIMARY KEY("tenant_id","shift_id")
);
--> statement-breakpoint
CREATE TABLE "training_attendance" (
	"tenant_id" text NOT NULL,
	"session_id" text NOT NULL,
	"person_id" text NOT NULL,
	CONSTRAINT "training_attendance_tenant_id_session_id_person_id_pk" PRIMARY KEY("tenant_id","session_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"tenant_id" text NOT NULL,
	"course_id" text NOT NULL,
	"title" text NOT NULL,
	"title_en" text NOT NULL,
	"content" text NOT NULL,
	"material_version" text NOT NULL,
	"mandatory" boolean NOT NULL,
	"approved_at" timestamp with time zone,
	"approved_by" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "training_courses_tenant_id_course_id_pk" PRIMARY KEY("tenant_id","course_id")
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"tenant_id" text NOT NULL,
	"session_id" text NOT NULL,
	"course_id" text NOT NULL,
	"held_on" date NOT NULL,
	"material_version" text NOT NULL,
	"instructor" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "training_sessions_tenant_id_session_id_pk" PRIMARY KEY("tenant_id","session_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "roster_people_user" ON "roster_people" USING btree ("tenant_id","user_id") WHERE "roster_people"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "roster_people_designation" ON "roster_people" USING btree ("tenant_id","designation") WHERE "roster_people"."designation" is not null;--> statement-breakpoint
CREATE INDEX "roster_shifts_day" ON "roster_shifts" USING btree ("tenant_id","day","person_id");