ALTER TABLE "card_settings" ADD COLUMN "express_setup_days" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "cards" ADD COLUMN "setup_due_on" date;