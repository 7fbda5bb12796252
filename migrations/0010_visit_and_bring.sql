ALTER TABLE "procedures" ADD COLUMN "bring_ja" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "bring_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "qr_text" text;--> statement-breakpoint
-- Existing tenants get the standard list for the standard procedures; managers edit it from here.
UPDATE "procedures" SET "bring_ja" = '交付通知書（はがき）、本人確認書類（運転免許証・パスポートなど）、通知カード（お持ちの方）、住民基本台帳カード（お持ちの方）', "bring_en" = 'The notice postcard, photo ID (driving licence, passport, etc.), and the paper notification card or Juki card if you have one' WHERE "code" = 'handover' AND "bring_ja" = '';
--> statement-breakpoint
-- Existing tenants get the standard list for the standard procedures; managers edit it from here.
UPDATE "procedures" SET "bring_ja" = 'マイナンバーカード', "bring_en" = 'Your My Number Card' WHERE "code" = 'ecert' AND "bring_ja" = '';
--> statement-breakpoint
-- Existing tenants get the standard list for the standard procedures; managers edit it from here.
UPDATE "procedures" SET "bring_ja" = 'マイナンバーカード', "bring_en" = 'Your My Number Card' WHERE "code" = 'pin_reset' AND "bring_ja" = '';
--> statement-breakpoint
-- Existing tenants get the standard list for the standard procedures; managers edit it from here.
UPDATE "procedures" SET "bring_ja" = 'マイナンバーカード、受取口座の通帳またはキャッシュカード（口座登録の方）', "bring_en" = 'Your My Number Card, and the bank book or cash card of the account (to register an account)' WHERE "code" = 'insurance_fund' AND "bring_ja" = '';
--> statement-breakpoint
-- Existing tenants get the standard list for the standard procedures; managers edit it from here.
UPDATE "procedures" SET "bring_ja" = '本人確認書類（運転免許証・パスポートなど）、個人番号通知書または通知カード（お持ちの方）', "bring_en" = 'Photo ID (driving licence, passport, etc.), and the number notice or notification card if you have one' WHERE "code" = 'application' AND "bring_ja" = '';
--> statement-breakpoint
-- Existing tenants get the standard list for the standard procedures; managers edit it from here.
UPDATE "procedures" SET "bring_ja" = '本人確認書類（運転免許証・パスポートなど）、特急発行の申請に必要な書類（市のご案内のとおり）', "bring_en" = 'Photo ID (driving licence, passport, etc.) and the documents the city lists for express issuance' WHERE "code" = 'express' AND "bring_ja" = '';
