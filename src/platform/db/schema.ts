// Every table of every domain, for Drizzle's typed queries and for drizzle-kit's migrations.

export * from "../../calendar/schema.ts";
export * from "../../cards/schema.ts";
export * from "../../commitments/schema.ts";
export * from "../../continuity/schema.ts";
export * from "../../demo/schema.ts";
export * from "../../disclosure/schema.ts";
export * from "../../equipment/schema.ts";
export * from "../../expenses/schema.ts";
export * from "../../incidents/schema.ts";
export * from "../../investigations/schema.ts";
export * from "../../manual/schema.ts";
export * from "../../notices/schema.ts";
export * from "../../payments/schema.ts";
export * from "../../proposals/schema.ts";
export * from "../../queue/schema.ts";
export * from "../../reports/schema.ts";
export * from "../../reservations/schema.ts";
export * from "../../roster/schema.ts";
export * from "../../staffing/schema.ts";
export * from "../../subcontracting/schema.ts";
export * from "../../training/schema.ts";
export * from "../audit/schema.ts";
export * from "../auth/schema.ts";
export * from "../http/rateLimitSchema.ts";
export * from "../mail/schema.ts";
export * from "../tenancy/schema.ts";
