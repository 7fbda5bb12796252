import { createHash } from "node:crypto";
import { and, eq, lt, or, sql } from "drizzle-orm";
import type { Executor } from "../db/index.ts";
import { authThrottles, knownDevices } from "./schema.ts";
import {
  afterFailure,
  THROTTLE_RULES,
  type ThrottleScope,
  type ThrottleState,
} from "./throttle.ts";

export interface ThrottleKey {
  scope: ThrottleScope;
  subject: string;
}

const keyString = (k: ThrottleKey) => `${k.scope}\u0001${k.subject}`;
const matches = (tenantId: string, keys: ThrottleKey[]) =>
  and(
    eq(authThrottles.tenantId, tenantId),
    or(
      ...keys.map((k) =>
        and(eq(authThrottles.scope, k.scope), eq(authThrottles.subject, k.subject)),
      ),
    ),
  );

export async function readThrottles(
  ex: Executor,
  tenantId: string,
  keys: ThrottleKey[],
): Promise<Map<string, ThrottleState>> {
  const rows = await ex.select().from(authThrottles).where(matches(tenantId, keys));
  return new Map(rows.map((r) => [keyString(r as ThrottleKey), r]));
}

export const throttleOf = (states: Map<string, ThrottleState>, key: ThrottleKey) =>
  states.get(keyString(key));

/**
 * Counts one failure on each key, row-locked, so concurrent failures are all counted. Returns the
 * new states. Runs in the caller's transaction.
 */
export async function countFailure(
  ex: Executor,
  tenantId: string,
  keys: ThrottleKey[],
  at: Date,
): Promise<Map<string, ThrottleState>> {
  const out = new Map<string, ThrottleState>();
  for (const key of keys) {
    await ex
      .insert(authThrottles)
      .values({
        tenantId,
        ...key,
        failures: 0,
        windowStartedAt: at,
        blockedUntil: null,
        lastFailureAt: at,
      })
      .onConflictDoNothing();
    const [row] = await ex
      .select()
      .from(authThrottles)
      .where(matches(tenantId, [key]))
      .for("update");
    const next = afterFailure(
      THROTTLE_RULES[key.scope],
      row && row.failures > 0 ? row : undefined,
      at,
    );
    await ex
      .update(authThrottles)
      .set({ ...next, lastFailureAt: at })
      .where(matches(tenantId, [key]));
    out.set(keyString(key), next);
  }
  return out;
}

export async function clearThrottles(ex: Executor, tenantId: string, keys: ThrottleKey[]) {
  await ex.delete(authThrottles).where(matches(tenantId, keys));
}

/** Every throttle on a username, whatever the address (an administrator's unlock). */
export async function clearAccountThrottles(ex: Executor, tenantId: string, username: string) {
  await ex
    .delete(authThrottles)
    .where(
      and(
        eq(authThrottles.tenantId, tenantId),
        or(
          and(eq(authThrottles.scope, "account"), eq(authThrottles.subject, username)),
          and(
            eq(authThrottles.scope, "account_address"),
            sql`starts_with(${authThrottles.subject}, ${`${username}\u0001`})`,
          ),
        ),
      ),
    );
}

/** Counts that have nothing left to hold: dropped by the cleanup job. */
export async function purgeThrottles(ex: Executor, tenantId: string, olderThan: Date) {
  const rows = await ex
    .delete(authThrottles)
    .where(
      and(
        eq(authThrottles.tenantId, tenantId),
        lt(authThrottles.lastFailureAt, olderThan),
        or(sql`${authThrottles.blockedUntil} is null`, lt(authThrottles.blockedUntil, olderThan)),
      ),
    )
    .returning({ scope: authThrottles.scope });
  return rows.length;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function isKnownDevice(
  ex: Executor,
  tenantId: string,
  token: string | undefined,
  username: string,
): Promise<boolean> {
  if (!token) return false;
  const [row] = await ex
    .select({ at: knownDevices.lastSeenAt })
    .from(knownDevices)
    .where(
      and(
        eq(knownDevices.tenantId, tenantId),
        eq(knownDevices.tokenHash, hashToken(token)),
        eq(knownDevices.username, username),
      ),
    );
  return row !== undefined;
}

export async function rememberDevice(
  ex: Executor,
  tenantId: string,
  token: string,
  username: string,
  at: Date,
) {
  await ex
    .insert(knownDevices)
    .values({ tenantId, tokenHash: hashToken(token), username, firstSeenAt: at, lastSeenAt: at })
    .onConflictDoUpdate({
      target: [knownDevices.tenantId, knownDevices.tokenHash, knownDevices.username],
      set: { lastSeenAt: at },
    });
}

export async function forgetOldDevices(ex: Executor, tenantId: string, olderThan: Date) {
  const rows = await ex
    .delete(knownDevices)
    .where(and(eq(knownDevices.tenantId, tenantId), lt(knownDevices.lastSeenAt, olderThan)))
    .returning({ username: knownDevices.username });
  return rows.length;
}
