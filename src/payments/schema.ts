import { date, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamptz } from "../platform/db/columns.ts";
import type { ContractTerms, PaymentAmount } from "./amounts.ts";

/** 委託料の算定方法: the contract's terms for the monthly amounts, as agreed with the city. */
export const contractTerms = pgTable("contract_terms", {
  tenantId: text("tenant_id").primaryKey(),
  terms: jsonb("terms").$type<ContractTerms>().notNull(),
  updatedBy: text("updated_by").notNull(),
  updatedAt: timestamptz("updated_at").notNull(),
});

/**
 * 請求 (仕様 13): one claim per payment month, made once the city has accepted that month's
 * report, with the amount from the inspected figures; the city records the payment. The key
 * makes a month claimable once only, whatever races.
 */
export const paymentClaims = pgTable(
  "payment_claims",
  {
    tenantId: text("tenant_id").notNull(),
    month: text("month").notNull(),
    kind: text("kind").notNull(),
    invoiceNumber: text("invoice_number").notNull(),
    reportId: text("report_id").notNull(),
    reportVersion: integer("report_version").notNull(),
    amount: jsonb("amount").$type<PaymentAmount>().notNull(),
    total: integer("total").notNull(),
    /** The terms the amount was computed under, kept with it. */
    terms: jsonb("terms").$type<ContractTerms>().notNull(),
    claimedAt: timestamptz("claimed_at").notNull(),
    claimedBy: text("claimed_by").notNull(),
    claimedByName: text("claimed_by_name").notNull(),
    paidAt: timestamptz("paid_at"),
    paidBy: text("paid_by"),
    paidByName: text("paid_by_name"),
    /** 保存期限 (仕様 14): not deleted before this day (platform/retention.ts). */
    retainUntil: date("retain_until").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.month] }),
    uniqueIndex("payment_claims_invoice").on(t.tenantId, t.invoiceNumber),
  ],
);
