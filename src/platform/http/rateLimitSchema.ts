import { integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { timestamptz } from "../db/columns.ts";

/**
 * Request-rate windows shared by every server process (on PostgreSQL), so two processes do not
 * give a client twice the allowance. The key is a hash (an address is personal data); the tenant
 * is "*" where a limit spans tenants (sign-in attempts per address).
 */
export const rateWindows = pgTable(
  "rate_windows",
  {
    tenantId: text("tenant_id").notNull(),
    scope: text("scope").notNull(),
    keyHash: text("key_hash").notNull(),
    windowStart: timestamptz("window_start").notNull(),
    hits: integer("hits").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.scope, t.keyHash] })],
);
