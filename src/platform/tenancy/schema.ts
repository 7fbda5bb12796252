import { date, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Reference figures of the specification, §8(5) (参考数値). */
export interface ReferenceFigures {
  population: number;
  households: number;
  cardholders: number;
  cardRatePercent: number;
  asOf: string;
  /** Monthly volume per procedure code in the reference month. */
  monthlyVolumes: Record<string, number>;
  volumesMonth: string;
}

/** One city's counter under one contract. tenant_id is the immutable slug (e.g. `nagaoka`). */
export const tenants = pgTable("tenants", {
  tenantId: text("tenant_id").primaryKey(),
  nameJa: text("name_ja").notNull(),
  nameEn: text("name_en").notNull(),
  contractStart: date("contract_start").notNull(),
  contractEnd: date("contract_end").notNull(),
  serviceStart: date("service_start").notNull(),
  timeZone: text("time_zone").notNull().default("Asia/Tokyo"),
  reference: jsonb("reference").$type<ReferenceFigures>().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
});
