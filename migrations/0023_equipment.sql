CREATE TABLE "equipment_faults" (
	"tenant_id" text NOT NULL,
	"fault_id" text NOT NULL,
	"item_id" text NOT NULL,
	"description" text NOT NULL,
	"contractor_liable" boolean NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"reported_by" text NOT NULL,
	CONSTRAINT "equipment_faults_tenant_id_fault_id_pk" PRIMARY KEY("tenant_id","fault_id")
);
--> statement-breakpoint
CREATE TABLE "equipment_items" (
	"tenant_id" text NOT NULL,
	"item_id" text NOT NULL,
	"kind" text NOT NULL,
	"name_ja" text NOT NULL,
	"owner" text NOT NULL,
	"location" text,
	"counter_id" text,
	"state" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "equipment_items_tenant_id_item_id_pk" PRIMARY KEY("tenant_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "equipment_repairs" (
	"tenant_id" text NOT NULL,
	"repair_id" text NOT NULL,
	"item_id" text NOT NULL,
	"started_on" date NOT NULL,
	"finished_on" date,
	"vendor" text,
	"cost_yen" integer,
	"note" text,
	"recorded_by" text NOT NULL,
	CONSTRAINT "equipment_repairs_tenant_id_repair_id_pk" PRIMARY KEY("tenant_id","repair_id")
);
--> statement-breakpoint
CREATE INDEX "equipment_faults_item" ON "equipment_faults" USING btree ("tenant_id","item_id");--> statement-breakpoint
CREATE INDEX "equipment_kind" ON "equipment_items" USING btree ("tenant_id","kind");--> statement-breakpoint
CREATE INDEX "equipment_repairs_item" ON "equipment_repairs" USING btree ("tenant_id","item_id");
--> statement-breakpoint
-- The queue's terminals become the ledger's terminal items, with the same ids (one list).
INSERT INTO "equipment_items" ("tenant_id", "item_id", "kind", "name_ja", "owner", "location", "counter_id", "state", "updated_at")
SELECT t."tenant_id", t."terminal_id",
  CASE t."kind" WHEN 'integrated' THEN 'integrated_terminal' ELSE 'resident_record_terminal' END,
  t."name_ja", 'city',
  CASE WHEN t."kind" = 'integrated' THEN NULL ELSE 'バックヤード' END,
  CASE WHEN t."kind" = 'integrated' THEN (SELECT c."counter_id" FROM "counters" c WHERE c."tenant_id" = t."tenant_id" AND c."default_terminal_id" = t."terminal_id" ORDER BY c."counter_id" LIMIT 1) END,
  'in_service', now()
FROM "terminals" t;
--> statement-breakpoint
-- The rest of what the city lends (仕様 7), for the tenants already there.
INSERT INTO "equipment_items" ("tenant_id", "item_id", "kind", "name_ja", "owner", "location", "counter_id", "state", "updated_at")
SELECT t."tenant_id", e.item_id, e.kind, e.name_ja, 'city', e.location, e.counter_id, 'in_service', now()
FROM "tenants" t CROSS JOIN (VALUES
  ('V1', 'vein_reader', '静脈認証装置1', '1', NULL),
  ('CR1', 'card_reader', 'カードリーダー1', '1', NULL),
  ('FC1', 'face_camera', '顔認証カメラ1', '1', NULL),
  ('V2', 'vein_reader', '静脈認証装置2', '2', NULL),
  ('CR2', 'card_reader', 'カードリーダー2', '2', NULL),
  ('FC2', 'face_camera', '顔認証カメラ2', '2', NULL),
  ('V3', 'vein_reader', '静脈認証装置3', '3', NULL),
  ('CR3', 'card_reader', 'カードリーダー3', '3', NULL),
  ('FC3', 'face_camera', '顔認証カメラ3', '3', NULL),
  ('V4', 'vein_reader', '静脈認証装置4', '4', NULL),
  ('CR4', 'card_reader', 'カードリーダー4', '4', NULL),
  ('FC4', 'face_camera', '顔認証カメラ4', '4', NULL),
  ('V5', 'vein_reader', '静脈認証装置5', '5', NULL),
  ('CR5', 'card_reader', 'カードリーダー5', '5', NULL),
  ('FC5', 'face_camera', '顔認証カメラ5', '5', NULL),
  ('MFP1', 'multifunction_printer', '複合機', NULL, 'バックヤード'),
  ('PH1', 'phone', '電話機1', NULL, '電話コーナー'),
  ('PH2', 'phone', '電話機2', NULL, '電話コーナー')
) AS e(item_id, kind, name_ja, counter_id, location)
ON CONFLICT DO NOTHING;
