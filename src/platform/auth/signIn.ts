import { auditContext } from "../actor.ts";
import { type AuditContext, recordAudit } from "../audit/store.ts";
import { now } from "../clock.ts";
import { type Db, transaction } from "../db/index.ts";
import { DomainError } from "../errors.ts";
import { findTenant } from "../tenancy/store.ts";
import { dummyPasswordHash, verifyPassword } from "./password.ts";
import { isDeviceRole, isRole, TOTP_REQUIRED } from "./permissions.ts";
import { insertSession, type Session } from "./sessions.ts";
import { matchTotp } from "./totp.ts";
import { countFailedSignIn, findUserByName, type User, updateUser } from "./users.ts";

/** Failed attempts in a row before the account locks, and for how long. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60_000;
export const TOTP_ENROLLMENT = "totp_enrollment";

export interface SignInInput {
  tenant: string;
  username: string;
  password: string;
  totp?: string | undefined;
  clientIp?: string | undefined;
  requestId?: string | undefined;
  /** Demo-only relaxation of the second-factor requirement (never in production). */
  skipRequiredTotp: boolean;
}

export interface SignInResult {
  token: string;
  session: Session;
  user: User;
}

const invalidCredentials = () =>
  new DomainError(
    "unauthenticated",
    "invalid_credentials",
    "利用者名またはパスワードが正しくありません。",
    "The username or password is wrong.",
  );

export { isDeviceRole } from "./permissions.ts";

/**
 * Password sign-in, then the second factor when the user has one. Repeated failures lock the
 * account for a while; every attempt leaves an audit event (without the password, of course).
 */
export async function signIn(db: Db, input: SignInInput): Promise<SignInResult> {
  const tenant = await findTenant(db, input.tenant);
  const user = tenant ? await findUserByName(db, tenant.tenantId, input.username) : undefined;
  if (!user || user.disabled) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    throw invalidCredentials();
  }
  const at = now();
  if (user.lockedUntil && user.lockedUntil > at) {
    throw new DomainError(
      "locked",
      "account_locked",
      "サインインの失敗が続いたため、このアカウントは一時的にロックされています。しばらくしてから再度お試しください。",
      "This account is locked for a while after repeated failed sign-ins. Try again later.",
      { lockedUntil: user.lockedUntil.toISOString() },
    );
  }
  const ctx = auditContext({
    tenantId: user.tenantId,
    userId: user.userId,
    role: user.role,
    clientIp: input.clientIp,
    requestId: input.requestId,
  });
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordFailure(db, user, ctx, "password");
    throw invalidCredentials();
  }
  let totpStep: number | undefined;
  if (user.totpEnabled && user.totpSecret) {
    if (!input.totp) {
      throw new DomainError(
        "unauthenticated",
        "totp_required",
        "確認コード（6桁）を入力してください。",
        "Enter the 6-digit verification code.",
      );
    }
    totpStep = matchTotp(user.totpSecret, input.totp, at, user.totpLastStep);
    if (totpStep === undefined) {
      await recordFailure(db, user, ctx, "totp");
      throw new DomainError(
        "unauthenticated",
        "totp_invalid",
        "確認コードが正しくありません。",
        "The verification code is wrong.",
      );
    }
  }
  const mustEnrol =
    !user.totpEnabled &&
    isRole(user.role) &&
    TOTP_REQUIRED.has(user.role) &&
    !input.skipRequiredTotp;
  return transaction(db, async (tx) => {
    await updateUser(tx, user.tenantId, user.userId, {
      failedLogins: 0,
      lockedUntil: null,
      ...(totpStep !== undefined ? { totpLastStep: totpStep } : {}),
    });
    const { token, session } = await insertSession(tx, {
      tenantId: user.tenantId,
      userId: user.userId,
      device: isDeviceRole(user.role),
      restriction: mustEnrol ? TOTP_ENROLLMENT : null,
      clientIp: input.clientIp,
    });
    await recordAudit(tx, ctx, {
      action: "auth.sign_in",
      entity: "session",
      entityId: session.sessionId,
      change: { totp: totpStep !== undefined, mustEnrol },
    });
    return { token, session, user };
  });
}

async function recordFailure(db: Db, user: User, ctx: AuditContext, factor: "password" | "totp") {
  await transaction(db, async (tx) => {
    const lockUntil = new Date(now().getTime() + LOCKOUT_MS);
    const locked = await countFailedSignIn(tx, user, MAX_FAILED_SIGN_INS, lockUntil);
    await recordAudit(tx, ctx, {
      action: locked ? "auth.locked" : "auth.sign_in_failed",
      entity: "user",
      entityId: user.userId,
      change: { factor },
    });
  });
}
