-- 保存期限 (仕様 14): five years after the fiscal year (April–March) in which the contract ends,
-- or the record was made if later. Rows made before this column existed get theirs from the
-- tenant's contract; afterwards the operations set it (platform/retention.ts).
CREATE FUNCTION madoguchi_retention_deadline(made date, contract_end date) RETURNS date
  LANGUAGE sql IMMUTABLE AS $$
    SELECT make_date(extract(year FROM (greatest(made, contract_end) - interval '3 months'))::int + 6, 3, 31)
  $$;--> statement-breakpoint
ALTER TABLE "investigations" ADD COLUMN "retain_until" date;--> statement-breakpoint
UPDATE "investigations" r SET "retain_until" = madoguchi_retention_deadline((r."requested_at" AT TIME ZONE 'Asia/Tokyo')::date, t."contract_end") FROM "tenants" t WHERE t."tenant_id" = r."tenant_id";--> statement-breakpoint
ALTER TABLE "investigations" ALTER COLUMN "retain_until" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_claims" ADD COLUMN "retain_until" date;--> statement-breakpoint
UPDATE "payment_claims" r SET "retain_until" = madoguchi_retention_deadline((r."claimed_at" AT TIME ZONE 'Asia/Tokyo')::date, t."contract_end") FROM "tenants" t WHERE t."tenant_id" = r."tenant_id";--> statement-breakpoint
ALTER TABLE "payment_claims" ALTER COLUMN "retain_until" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "retain_until" date;--> statement-breakpoint
UPDATE "reports" r SET "retain_until" = madoguchi_retention_deadline((r."submitted_at" AT TIME ZONE 'Asia/Tokyo')::date, t."contract_end") FROM "tenants" t WHERE t."tenant_id" = r."tenant_id";--> statement-breakpoint
ALTER TABLE "reports" ALTER COLUMN "retain_until" SET NOT NULL;--> statement-breakpoint
-- Kept records cannot be deleted before their day, whoever asks (the application never deletes
-- them; this stops a script or a mistaken statement too).
CREATE FUNCTION madoguchi_refuse_early_delete() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    IF OLD.retain_until >= current_date THEN
      RAISE EXCEPTION 'retained until %: % cannot be deleted before then (仕様14)', OLD.retain_until, TG_TABLE_NAME
        USING ERRCODE = 'P0001';
    END IF;
    RETURN OLD;
  END
  $$;--> statement-breakpoint
CREATE TRIGGER investigations_retained BEFORE DELETE ON "investigations" FOR EACH ROW EXECUTE FUNCTION madoguchi_refuse_early_delete();--> statement-breakpoint
CREATE TRIGGER payment_claims_retained BEFORE DELETE ON "payment_claims" FOR EACH ROW EXECUTE FUNCTION madoguchi_refuse_early_delete();--> statement-breakpoint
CREATE TRIGGER reports_retained BEFORE DELETE ON "reports" FOR EACH ROW EXECUTE FUNCTION madoguchi_refuse_early_delete();
--> statement-breakpoint
CREATE FUNCTION madoguchi_refuse_shorter_retention() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.retain_until < OLD.retain_until THEN
      RAISE EXCEPTION 'the retention of % cannot be shortened (仕様14)', TG_TABLE_NAME USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
  END
  $$;--> statement-breakpoint
CREATE TRIGGER investigations_retention_kept BEFORE UPDATE OF "retain_until" ON "investigations" FOR EACH ROW EXECUTE FUNCTION madoguchi_refuse_shorter_retention();--> statement-breakpoint
CREATE TRIGGER payment_claims_retention_kept BEFORE UPDATE OF "retain_until" ON "payment_claims" FOR EACH ROW EXECUTE FUNCTION madoguchi_refuse_shorter_retention();--> statement-breakpoint
CREATE TRIGGER reports_retention_kept BEFORE UPDATE OF "retain_until" ON "reports" FOR EACH ROW EXECUTE FUNCTION madoguchi_refuse_shorter_retention();
