/**
 * Requests and responses of the sign-in, session and user API, shared with the web app (its
 * forms validate with these very schemas). No I/O here.
 */
import { z } from "zod";
import { tenantIdSchema } from "../tenancy/tenant.ts";
import { ROLES } from "./permissions.ts";

export const userSchema = z.object({
  userId: z.string(),
  tenantId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  totpEnabled: z.boolean(),
  locked: z.boolean(),
  disabled: z.boolean(),
});

export const tenantRefSchema = z.object({
  tenantId: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
});

/** Who is signed in: the user, the tenant acted in, and what the role may do. */
export const meSchema = z.object({
  user: userSchema,
  tenant: tenantRefSchema,
  tenants: z.array(tenantRefSchema),
  csrfToken: z.string(),
  restriction: z.string().nullable(),
  permissions: z.array(z.string()),
  device: z.boolean(),
  /** The server clock (a training clock under MADOGUCHI_CLOCK): the web app keeps time by it. */
  serverTime: z.string(),
  /** Set after an administrator removed this account's second factor, until a new one is enrolled. */
  totpReset: z.object({ at: z.string(), by: z.string() }).nullable(),
  /** The role must keep a second factor (it cannot be switched off). */
  totpRequired: z.boolean(),
});

export const loginBody = z.object({
  tenant: tenantIdSchema,
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(1000),
  totp: z.string().max(10).optional(),
});

export const passwordChangeBody = z.object({
  current: z.string().max(1000),
  code: z.string().max(10).optional(),
  next: z.string().max(1000),
});

export const newUserBody = z.object({
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,39}$/),
  displayName: z.string().min(1).max(100),
  role: z.enum(ROLES),
  password: z.string().max(1000),
});

/** Proof that it is the account's owner: the password, and a code once a second factor is on. */
export const proofBody = z.object({
  password: z.string().min(1).max(1000),
  code: z.string().max(10).optional(),
});

export const totpConfirmBody = z.object({ code: z.string().regex(/^\d{6}$/) });
