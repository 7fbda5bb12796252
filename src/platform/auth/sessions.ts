import { createHash } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import { now } from "../clock.ts";
import type { Executor, Tx } from "../db/index.ts";
import { newId, newToken } from "../ids.ts";
import { isDeviceRole } from "./permissions.ts";
import { sessions, users } from "./schema.ts";
import type { User } from "./users.ts";

export type Session = typeof sessions.$inferSelect;

export const SESSION_COOKIE = "madoguchi_session";

/** People work a day at the counter; devices (kiosk, board) stay signed in for a month. */
const PERSON_LIFETIME_MS = 12 * 3600_000;
const DEVICE_LIFETIME_MS = 30 * 24 * 3600_000;
/** A person's session ends after this long without a request. */
export const IDLE_TIMEOUT_MS = 2 * 3600_000;
const TOUCH_INTERVAL_MS = 60_000;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface NewSession {
  tenantId: string;
  userId: string;
  device: boolean;
  restriction: string | null;
  clientIp: string | undefined;
}

export async function insertSession(
  tx: Tx,
  input: NewSession,
): Promise<{ token: string; session: Session }> {
  const token = newToken(32);
  const at = now();
  const [session] = await tx
    .insert(sessions)
    .values({
      tenantId: input.tenantId,
      sessionId: newId(),
      tokenHash: hashToken(token),
      userId: input.userId,
      activeTenantId: input.tenantId,
      csrfToken: newToken(24),
      restriction: input.restriction,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(at.getTime() + (input.device ? DEVICE_LIFETIME_MS : PERSON_LIFETIME_MS)),
      clientIp: input.clientIp ?? null,
    })
    .returning();
  return { token, session: session! };
}

/**
 * Every guarded request's first query, built once per database and prepared (a named statement
 * the server parses once per connection), not assembled again for each request.
 */
const prepared = new WeakMap<object, ReturnType<typeof prepareLiveSession>>();
const prepareLiveSession = (db: Executor) =>
  db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, and(eq(users.tenantId, sessions.tenantId), eq(users.userId, sessions.userId)))
    .where(eq(sessions.tokenHash, sql.placeholder("tokenHash")))
    .prepare("find_live_session");
const liveSessionQuery = (db: Executor) => {
  let query = prepared.get(db);
  if (!query) {
    query = prepareLiveSession(db);
    prepared.set(db, query);
  }
  return query;
};

/**
 * The session behind a cookie token while it is live (not expired, not idle too long for a
 * person), with its user: one query, since every guarded request needs both.
 */
export async function findLiveSession(
  db: Executor,
  token: string,
): Promise<{ session: Session; user: User } | undefined> {
  const [row] = await liveSessionQuery(db).execute({ tokenHash: hashToken(token) });
  if (!row) return undefined;
  const { session, user } = row;
  const at = now().getTime();
  if (session.expiresAt.getTime() <= at) return undefined;
  const idle = at - session.lastSeenAt.getTime();
  if (idle > IDLE_TIMEOUT_MS && !isDeviceRole(user.role)) return undefined;
  if (idle > TOUCH_INTERVAL_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(at) })
      .where(
        and(eq(sessions.tenantId, session.tenantId), eq(sessions.sessionId, session.sessionId)),
      );
  }
  return { session, user };
}

export async function updateSession(
  db: Executor,
  session: Session,
  patch: Partial<Pick<Session, "activeTenantId" | "restriction">>,
) {
  await db
    .update(sessions)
    .set(patch)
    .where(and(eq(sessions.tenantId, session.tenantId), eq(sessions.sessionId, session.sessionId)));
}

export async function deleteSession(
  db: Executor,
  session: Pick<Session, "tenantId" | "sessionId">,
) {
  await db
    .delete(sessions)
    .where(and(eq(sessions.tenantId, session.tenantId), eq(sessions.sessionId, session.sessionId)));
}

/** Signs a user out everywhere, e.g. after a password reset. */
export async function deleteSessionsOfUser(db: Executor, tenantId: string, userId: string) {
  await db
    .delete(sessions)
    .where(and(eq(sessions.tenantId, tenantId), eq(sessions.userId, userId)));
}

/** Deletes a tenant's sessions past their lifetime; returns how many. */
export async function deleteExpiredSessions(db: Executor, tenantId: string): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.tenantId, tenantId), lt(sessions.expiresAt, now())))
    .returning({ id: sessions.sessionId });
  return rows.length;
}
