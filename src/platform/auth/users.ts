import { and, eq, inArray } from "drizzle-orm";
import { now } from "../clock.ts";
import type { Executor, Tx } from "../db/index.ts";
import { newId } from "../ids.ts";
import { tenantGrants, users } from "./schema.ts";

export type User = typeof users.$inferSelect;

export interface NewUser {
  tenantId: string;
  username: string;
  displayName: string;
  role: string;
  passwordHash: string;
}

export async function insertUser(tx: Tx, input: NewUser): Promise<User> {
  const at = now();
  const [row] = await tx
    .insert(users)
    .values({ ...input, userId: newId(), createdAt: at, updatedAt: at })
    .returning();
  return row!;
}

export async function findUserByName(db: Executor, tenantId: string, username: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.username, username)));
  return row;
}

export async function findUser(db: Executor, tenantId: string, userId: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.userId, userId)));
  return row;
}

export async function listUsersOf(db: Executor, tenantId: string): Promise<User[]> {
  return db.select().from(users).where(eq(users.tenantId, tenantId)).orderBy(users.username);
}

export type UserPatch = Partial<
  Pick<
    User,
    | "passwordHash"
    | "totpSecret"
    | "totpPendingSecret"
    | "totpResetAt"
    | "totpResetBy"
    | "totpEnabled"
    | "totpLastStep"
    | "failedLogins"
    | "lockedUntil"
    | "disabled"
    | "displayName"
    | "role"
  >
>;

export async function updateUser(tx: Executor, tenantId: string, userId: string, patch: UserPatch) {
  const [row] = await tx
    .update(users)
    .set({ ...patch, updatedAt: now() })
    .where(and(eq(users.tenantId, tenantId), eq(users.userId, userId)))
    .returning();
  return row;
}

/** Tenants this user may act in: its own, plus any granted (contractor_admin). */
export async function tenantsOfUser(db: Executor, user: Pick<User, "tenantId" | "userId">) {
  const grants = await db
    .select({ tenantId: tenantGrants.tenantId })
    .from(tenantGrants)
    .where(and(eq(tenantGrants.userTenantId, user.tenantId), eq(tenantGrants.userId, user.userId)));
  return [user.tenantId, ...grants.map((g) => g.tenantId).filter((t) => t !== user.tenantId)];
}

export async function hasTenantAccess(
  db: Executor,
  user: Pick<User, "tenantId" | "userId">,
  tenantId: string,
) {
  if (user.tenantId === tenantId) return true;
  const [grant] = await db
    .select({ tenantId: tenantGrants.tenantId })
    .from(tenantGrants)
    .where(
      and(
        eq(tenantGrants.tenantId, tenantId),
        eq(tenantGrants.userTenantId, user.tenantId),
        eq(tenantGrants.userId, user.userId),
      ),
    );
  return grant !== undefined;
}

export async function insertTenantGrant(
  tx: Tx,
  tenantId: string,
  user: Pick<User, "tenantId" | "userId">,
) {
  await tx
    .insert(tenantGrants)
    .values({ tenantId, userTenantId: user.tenantId, userId: user.userId, grantedAt: now() })
    .onConflictDoNothing();
}

/** Display names of the users behind these ids (actors on an audit trail), wherever they belong. */
export async function displayNamesOf(
  db: Executor,
  userIds: string[],
): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: users.userId, displayName: users.displayName })
    .from(users)
    .where(inArray(users.userId, userIds));
  return new Map(rows.map((r) => [r.userId, r.displayName]));
}
