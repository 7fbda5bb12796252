import { z } from "zod";
import type { NewTenant } from "./store.ts";

export const TENANT_ID = /^[a-z][a-z0-9-]{1,39}$/;

export const tenantIdSchema = z
  .string()
  .regex(TENANT_ID, "tenant: lowercase letters, digits, hyphens");

export const tenantSchema = z.object({
  tenantId: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  contractStart: z.string(),
  contractEnd: z.string(),
  serviceStart: z.string(),
  timeZone: z.string(),
  reference: z.object({
    population: z.number(),
    households: z.number(),
    cardholders: z.number(),
    cardRatePercent: z.number(),
    asOf: z.string(),
    monthlyVolumes: z.record(z.string(), z.number()),
    volumesMonth: z.string(),
  }),
});

/**
 * The demo tenant carries the specification's own figures: 長岡市, contract to 2027-01-31, service
 * from 2026-02-02, and the reference figures of §8(5).
 */
export const DEMO_TENANT: NewTenant = {
  tenantId: "nagaoka",
  nameJa: "長岡市 マイナンバーカード専用窓口",
  nameEn: "Nagaoka City My Number Card Counter",
  contractStart: "2025-12-01",
  contractEnd: "2027-01-31",
  serviceStart: "2026-02-02",
  timeZone: "Asia/Tokyo",
  reference: {
    population: 82065,
    households: 38374,
    cardholders: 65727,
    cardRatePercent: 79.9,
    asOf: "2025-09-01",
    volumesMonth: "2025-08",
    monthlyVolumes: {
      setup: 1085,
      handover: 1097,
      ecert: 942,
      pin_reset: 301,
      insurance_fund: 27,
      phone: 248,
      application: 207,
      express: 73,
    },
  },
};
