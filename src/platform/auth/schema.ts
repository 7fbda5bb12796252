import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { timestamptz } from "../db/columns.ts";

export const users = pgTable(
  "users",
  {
    tenantId: text("tenant_id").notNull(),
    userId: text("user_id").notNull(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role").notNull(),
    passwordHash: text("password_hash").notNull(),
    /** Base32 TOTP secret; set while enrolling, in force once totp_enabled. */
    totpSecret: text("totp_secret"),
    totpEnabled: boolean("totp_enabled").notNull().default(false),
    /** A secret being enrolled: the one in force stays until a code from this one is confirmed. */
    totpPendingSecret: text("totp_pending_secret"),
    /** When and by whom an administrator last removed the second factor: told to the user. */
    totpResetAt: timestamptz("totp_reset_at"),
    totpResetBy: text("totp_reset_by"),
    /** Last accepted TOTP time step, so one code cannot be replayed. */
    totpLastStep: integer("totp_last_step"),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: timestamptz("locked_until"),
    disabled: boolean("disabled").notNull().default(false),
    createdAt: timestamptz("created_at").notNull(),
    updatedAt: timestamptz("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId] }),
    uniqueIndex("users_username").on(t.tenantId, t.username),
  ],
);

/** Extra tenants a contractor_admin may act in, besides its home tenant. */
export const tenantGrants = pgTable(
  "tenant_grants",
  {
    tenantId: text("tenant_id").notNull(),
    userTenantId: text("user_tenant_id").notNull(),
    userId: text("user_id").notNull(),
    grantedAt: timestamptz("granted_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userTenantId, t.userId] })],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    tenantId: text("tenant_id").notNull(),
    sessionId: text("session_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    userId: text("user_id").notNull(),
    activeTenantId: text("active_tenant_id").notNull(),
    csrfToken: text("csrf_token").notNull(),
    /** Set while the user must enrol a second factor before doing anything else. */
    restriction: text("restriction"),
    createdAt: timestamptz("created_at").notNull(),
    lastSeenAt: timestamptz("last_seen_at").notNull(),
    expiresAt: timestamptz("expires_at").notNull(),
    clientIp: text("client_ip"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.sessionId] }),
    uniqueIndex("sessions_token").on(t.tokenHash),
    index("sessions_user").on(t.tenantId, t.userId),
  ],
);

/**
 * Failed attempts, counted per scope and subject (an account at an address, an address, an
 * account everywhere, a signed-in user's re-authentication), in the database so every server
 * process sees the same counts. The subject is the username as typed, not a user id, so an
 * unknown name is throttled exactly like a known one.
 */
export const authThrottles = pgTable(
  "auth_throttles",
  {
    tenantId: text("tenant_id").notNull(),
    scope: text("scope").notNull(),
    subject: text("subject").notNull(),
    failures: integer("failures").notNull(),
    windowStartedAt: timestamptz("window_started_at").notNull(),
    blockedUntil: timestamptz("blocked_until"),
    lastFailureAt: timestamptz("last_failure_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.scope, t.subject] }),
    index("auth_throttles_last_failure").on(t.lastFailureAt),
  ],
);

/**
 * Browsers an account has signed in from (a random cookie, stored as its SHA-256): the owner on
 * a known device is not held up by the account-wide delay an attacker elsewhere has caused.
 */
export const knownDevices = pgTable(
  "known_devices",
  {
    tenantId: text("tenant_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    username: text("username").notNull(),
    firstSeenAt: timestamptz("first_seen_at").notNull(),
    lastSeenAt: timestamptz("last_seen_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.tokenHash, t.username] }),
    index("known_devices_last_seen").on(t.lastSeenAt),
  ],
);
