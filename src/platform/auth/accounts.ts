import { randomBytes } from "node:crypto";
import { type Actor, auditContext } from "../actor.ts";
import { recordAudit } from "../audit/store.ts";
import { now } from "../clock.ts";
import { type Db, isUniqueViolation, type Tx, transaction } from "../db/index.ts";
import { DomainError, forbidden, notFound } from "../errors.ts";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "./password.ts";
import { assignPermission, can, isRole, ROSTER_ROLES, type Role } from "./permissions.ts";
import { deleteSessionsOfUser, type Session, updateSession } from "./sessions.ts";
import { TOTP_ENROLLMENT } from "./signIn.ts";
import { matchTotp, newTotpSecret, otpauthUri } from "./totp.ts";
import {
  findUser,
  hasTenantAccess,
  insertUser,
  listUsersOf,
  type User,
  updateUser,
} from "./users.ts";

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
  db: Db,
  actor: Actor,
  input: CreateUserInput,
  link?: (tx: Tx, user: User) => Promise<void>,
): Promise<User> {
  if (!isRole(input.role)) {
    throw new DomainError(
      "unprocessable",
      "unknown_role",
      "不明な役割です。",
      `Unknown role: ${input.role}`,
    );
  }
  if (!mayAssignRole(actor.role, input.role)) {
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
  try {
    return await transaction(db, async (tx) => {
      const user = await insertUser(tx, {
        tenantId: actor.tenantId,
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        passwordHash,
      });
      await recordAudit(tx, auditContext(actor), {
        action: "user.create",
        entity: "user",
        entityId: user.userId,
        change: { username: input.username, displayName: input.displayName, role: input.role },
      });
      await link?.(tx, user);
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError(
        "conflict",
        "username_taken",
        "この利用者名は既に使われています。",
        "This username is already taken.",
      );
    }
    throw error;
  }
}

/** Lists the tenant's users; their names are personal data, so the read is audited. */
export async function listUsers(db: Db, actor: Actor): Promise<User[]> {
  return transaction(db, async (tx) => {
    const rows = await listUsersOf(tx, actor.tenantId);
    await recordAudit(tx, auditContext(actor), {
      action: "user.list",
      entity: "user",
      change: { count: rows.length },
    });
    return rows;
  });
}

async function requireUser(db: Db, tenantId: string, userId: string) {
  const user = await findUser(db, tenantId, userId);
  if (!user) throw notFound("利用者", "User");
  return user;
}

/** Sets a new password for someone else (an administrator's reset); signs them out everywhere. */
export async function resetPassword(db: Db, actor: Actor, userId: string, password: string) {
  const user = await requireUser(db, actor.tenantId, userId);
  if (!mayAssignRole(actor.role, user.role)) throw forbidden();
  checkPasswordStrength(password);
  const passwordHash = await hashPassword(password);
  await transaction(db, async (tx) => {
    await updateUser(tx, user.tenantId, user.userId, {
      passwordHash,
      failedLogins: 0,
      lockedUntil: null,
    });
    await deleteSessionsOfUser(tx, user.tenantId, user.userId);
    await recordAudit(tx, auditContext(actor), {
      action: "user.password_reset",
      entity: "user",
      entityId: user.userId,
    });
  });
}

/**
 * Gives an account another role inside the caller's transaction, and signs it out everywhere so
 * the next sign-in meets the new role's rules (a manager must enrol a second factor).
 */
export async function changeRoleWithin(tx: Tx, actor: Actor, userId: string, role: Role) {
  const user = await updateUser(tx, actor.tenantId, userId, { role });
  if (!user) return;
  await deleteSessionsOfUser(tx, actor.tenantId, userId);
  await recordAudit(tx, auditContext(actor), {
    action: "user.role_change",
    entity: "user",
    entityId: userId,
    change: { role },
  });
}

/** Lifts a lockout: only for accounts of roles the actor may hand out (a contractor admin cannot unlock an admin). */
export async function unlockUser(db: Db, actor: Actor, userId: string) {
  const user = await requireUser(db, actor.tenantId, userId);
  if (!mayAssignRole(actor.role, user.role)) throw forbidden();
  await transaction(db, async (tx) => {
    await updateUser(tx, user.tenantId, user.userId, { failedLogins: 0, lockedUntil: null });
    await recordAudit(tx, auditContext(actor), {
      action: "user.unlock",
      entity: "user",
      entityId: user.userId,
    });
  });
}

export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  user: User,
  current: string,
  next: string,
) {
  if (!(await verifyPassword(user.passwordHash, current))) {
    throw new DomainError(
      "unprocessable",
      "wrong_password",
      "現在のパスワードが正しくありません。",
      "The current password is wrong.",
    );
  }
  checkPasswordStrength(next);
  const passwordHash = await hashPassword(next);
  await transaction(db, async (tx) => {
    await updateUser(tx, user.tenantId, user.userId, { passwordHash });
    await recordAudit(tx, auditContext(actor, user.tenantId), {
      action: "user.password_change",
      entity: "user",
      entityId: user.userId,
    });
  });
}

/** Starts TOTP enrolment: a fresh secret, in force only once a code from it is confirmed. */
export async function beginTotpEnrollment(db: Db, actor: Actor, user: User, issuer: string) {
  const secret = newTotpSecret();
  await transaction(db, async (tx) => {
    await updateUser(tx, user.tenantId, user.userId, { totpSecret: secret, totpEnabled: false });
    await recordAudit(tx, auditContext(actor, user.tenantId), {
      action: "user.totp_begin",
      entity: "user",
      entityId: user.userId,
    });
  });
  return { secret, otpauthUri: otpauthUri(secret, issuer, user.username) };
}

export async function confirmTotpEnrollment(
  db: Db,
  actor: Actor,
  user: User,
  session: Session,
  code: string,
) {
  const fresh = await requireUser(db, user.tenantId, user.userId);
  const step = fresh.totpSecret
    ? matchTotp(fresh.totpSecret, code, now(), fresh.totpLastStep)
    : undefined;
  if (step === undefined) {
    throw new DomainError(
      "unprocessable",
      "totp_invalid",
      "確認コードが正しくありません。",
      "The verification code is wrong.",
    );
  }
  await transaction(db, async (tx) => {
    await updateUser(tx, user.tenantId, user.userId, { totpEnabled: true, totpLastStep: step });
    if (session.restriction === TOTP_ENROLLMENT)
      await updateSession(tx, session, { restriction: null });
    await recordAudit(tx, auditContext(actor, user.tenantId), {
      action: "user.totp_enable",
      entity: "user",
      entityId: user.userId,
    });
  });
}

export async function switchTenant(
  db: Db,
  actor: Actor,
  user: User,
  session: Session,
  tenantId: string,
) {
  if (!(await hasTenantAccess(db, user, tenantId))) {
    throw forbidden(
      "この自治体のデータを扱う権限がありません。",
      "You have no access to this tenant.",
    );
  }
  await transaction(db, async (tx) => {
    await updateSession(tx, session, { activeTenantId: tenantId });
    await recordAudit(tx, auditContext(actor, tenantId), {
      action: "session.switch_tenant",
      entity: "session",
      entityId: session.sessionId,
    });
  });
}
