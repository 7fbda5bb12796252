import { randomBytes } from "node:crypto";
import { now } from "../clock.ts";
import { conflict, DomainError, forbidden, notFound } from "../errors.ts";
import { audit, type Ctx, requireAccess, uniquely } from "../operation.ts";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./password.ts";
import { assignPermission, can, isRole, ROSTER_ROLES, type Role } from "./permissions.ts";
import { deleteSessionsOfUser } from "./sessions.ts";
import { clearAccountThrottles } from "./throttleStore.ts";
import { findUser, insertUser, listUsersOf, type User, updateUser } from "./users.ts";

/** Who may hand out which role is in the permission table: nobody grants more than they hold. */
export function mayAssignRole(actorRole: string, role: string): boolean {
  return can(actorRole, assignPermission(role));
}

export function checkPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new DomainError(
      "unprocessable",
      "password_too_short",
      `パスワードは${MIN_PASSWORD_LENGTH}文字以上にしてください。`,
      `Passwords need at least ${MIN_PASSWORD_LENGTH} characters.`,
    );
  }
}

/** A password people can type from a printed sheet: no 0/O or 1/l look-alikes. */
export function generatePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(16);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

/** A new account: who signs in, under which name, in which role, with which first password. */
export interface CreateUserInput {
  username: string;
  displayName: string;
  role: string;
  password: string;
}

/** Public shape of a user: never the password hash or the TOTP secret. */
export function publicUser(user: User) {
  return {
    userId: user.userId,
    tenantId: user.tenantId,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    totpEnabled: user.totpEnabled,
    locked: user.lockedUntil !== null && user.lockedUntil > now(),
    disabled: user.disabled,
  };
}

/**
 * Creates an account. `link` runs in the same transaction once the user exists: accounts of roster
 * roles are created only through it (by the roster, which ties the account to its person).
 */
export async function createUser(
  ctx: Ctx,
  input: CreateUserInput,
  link?: (user: User) => Promise<void>,
): Promise<User> {
  requireAccess(ctx, "users.write");
  if (!isRole(input.role)) {
    throw new DomainError(
      "unprocessable",
      "unknown_role",
      "不明な役割です。",
      `Unknown role: ${input.role}`,
    );
  }
  if (!mayAssignRole(ctx.actor.role, input.role)) {
    throw forbidden(
      "この役割の利用者を作成する権限がありません。",
      "You may not create users with this role.",
    );
  }
  if (ROSTER_ROLES.has(input.role) && !link) {
    throw new DomainError(
      "unprocessable",
      "account_needs_roster_person",
      "本業務従事者・業務副管理者・業務管理者のアカウントは、従事者名簿の該当者から作成してください。",
      "Accounts for staff, deputies and managers are created from their entry on the staff roster.",
    );
  }
  checkPasswordStrength(input.password);
  const passwordHash = await hashPassword(input.password);
  const user = await uniquely(
    ctx,
    (tx) =>
      insertUser(tx, {
        tenantId: ctx.tenantId,
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        passwordHash,
      }),
    () =>
      conflict(
        "username_taken",
        "この利用者名は既に使われています。",
        "This username is already taken.",
      ),
  );
  await audit(ctx, {
    action: "user.create",
    entity: "user",
    entityId: user.userId,
    change: { username: input.username, displayName: input.displayName, role: input.role },
  });
  await link?.(user);
  return user;
}

/** Lists the tenant's users; their names are personal data, so the read is audited. */
export async function listUsers(ctx: Ctx): Promise<User[]> {
  requireAccess(ctx, "users.read");
  const rows = await listUsersOf(ctx.tx, ctx.tenantId);
  await audit(ctx, { action: "user.list", entity: "user", change: { count: rows.length } });
  return rows;
}

/** Someone else's account, if the actor may hand out its role (nobody acts above their own). */
async function assignableUser(ctx: Ctx, userId: string) {
  requireAccess(ctx, "users.write");
  const user = await findUser(ctx.tx, ctx.tenantId, userId);
  if (!user) throw notFound("利用者", "User");
  if (!mayAssignRole(ctx.actor.role, user.role)) throw forbidden();
  return user;
}

/** Sets a new password for someone else (an administrator's reset); signs them out everywhere. */
export async function resetPassword(
  ctx: Ctx,
  { userId, password }: { userId: string; password: string },
) {
  const user = await assignableUser(ctx, userId);
  checkPasswordStrength(password);
  const passwordHash = await hashPassword(password);
  await updateUser(ctx.tx, user.tenantId, user.userId, {
    passwordHash,
    failedLogins: 0,
    lockedUntil: null,
  });
  await deleteSessionsOfUser(ctx.tx, user.tenantId, user.userId);
  await audit(ctx, { action: "user.password_reset", entity: "user", entityId: user.userId });
}

/**
 * Gives an account another role inside the caller's transaction, and signs it out everywhere so
 * the next sign-in meets the new role's rules (a manager must enrol a second factor).
 */
export async function changeRoleWithin(ctx: Ctx, userId: string, role: Role) {
  const user = await updateUser(ctx.tx, ctx.tenantId, userId, { role });
  if (!user) return;
  await deleteSessionsOfUser(ctx.tx, ctx.tenantId, userId);
  await audit(ctx, {
    action: "user.role_change",
    entity: "user",
    entityId: userId,
    change: { role },
  });
}

/**
 * Lifts the account-wide sign-in delay and every address's hold on this account: only for
 * accounts of roles the actor may hand out (a contractor admin cannot unlock an admin).
 */
export async function unlockUser(ctx: Ctx, { userId }: { userId: string }) {
  const user = await assignableUser(ctx, userId);
  await updateUser(ctx.tx, user.tenantId, user.userId, { failedLogins: 0, lockedUntil: null });
  await clearAccountThrottles(ctx.tx, user.tenantId, user.username);
  await audit(ctx, { action: "user.unlock", entity: "user", entityId: user.userId });
}

/**
 * Removes someone's second factor when they have lost it. Audited, signs them out everywhere,
 * and the user is told at their next sign-in who removed it and when (a role that requires a
 * second factor enrols a new one before anything else).
 */
export async function resetTotp(ctx: Ctx, { userId }: { userId: string }) {
  const user = await assignableUser(ctx, userId);
  await updateUser(ctx.tx, user.tenantId, user.userId, {
    totpEnabled: false,
    totpSecret: null,
    totpPendingSecret: null,
    totpResetAt: now(),
    totpResetBy: ctx.actor.displayName ?? ctx.actor.userId,
  });
  await deleteSessionsOfUser(ctx.tx, user.tenantId, user.userId);
  await audit(ctx, { action: "user.totp_reset", entity: "user", entityId: user.userId });
}
