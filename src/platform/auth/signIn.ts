import { randomBytes } from "node:crypto";
import { auditContext } from "../actor.ts";
import { type AuditContext, recordAudit } from "../audit/store.ts";
import { now } from "../clock.ts";
import { type Db, transaction } from "../db/index.ts";
import { DomainError } from "../errors.ts";
import { findTenant } from "../tenancy/store.ts";
import { dummyPasswordHash, verifyPassword } from "./password.ts";
import { isDeviceRole, isRole, TOTP_REQUIRED } from "./permissions.ts";
import { insertSession, type Session } from "./sessions.ts";
import { heldUntil, retryAfterSeconds } from "./throttle.ts";
import {
  clearThrottles,
  countFailure,
  isKnownDevice,
  readThrottles,
  rememberDevice,
  type ThrottleKey,
  throttleOf,
} from "./throttleStore.ts";
import { matchTotp } from "./totp.ts";
import { findUserByName, type User, updateUser } from "./users.ts";

export const TOTP_ENROLLMENT = "totp_enrollment";

export interface SignInInput {
  tenant: string;
  username: string;
  password: string;
  totp?: string | undefined;
  clientIp: string;
  /** The known-device cookie, when the browser sent one. */
  deviceToken?: string | undefined;
  requestId?: string | undefined;
  /** Demo-only relaxation of the second-factor requirement (never in production). */
  skipRequiredTotp: boolean;
}

export interface SignInResult {
  token: string;
  session: Session;
  user: User;
  /** The known-device cookie to set (the one sent, or a new one). */
  deviceToken: string;
}

const invalidCredentials = () =>
  new DomainError(
    "unauthenticated",
    "invalid_credentials",
    "利用者名またはパスワードが正しくありません。",
    "The username or password is wrong.",
  );

export const tooManyAttempts = (until: Date, at: Date) =>
  new DomainError(
    "too_many_requests",
    "too_many_attempts",
    "失敗が続いたため、しばらく受け付けません。時間をおいて再度お試しください。",
    "Too many failed attempts. Wait a while and try again.",
    { retryAfterSeconds: retryAfterSeconds(until, at) },
  );

export { isDeviceRole } from "./permissions.ts";

/** The counters one attempt touches; the username as typed, so unknown names count the same. */
function keysOf(input: SignInInput) {
  return {
    accountAddress: {
      scope: "account_address",
      subject: `${input.username}\u0001${input.clientIp}`,
    } as ThrottleKey,
    address: { scope: "address", subject: input.clientIp } as ThrottleKey,
    account: { scope: "account", subject: input.username } as ThrottleKey,
  };
}

/**
 * Password sign-in, then the second factor when the user has one. Failures hold up the address
 * that makes them and, past a higher count, the account everywhere except on a browser its owner
 * has signed in from before; known and unknown usernames get the same answers in the same way.
 * Every attempt on a real account leaves an audit event (without the password, of course).
 */
export async function signIn(db: Db, input: SignInInput): Promise<SignInResult> {
  const at = now();
  const keys = keysOf(input);
  const states = await readThrottles(db, input.tenant, Object.values(keys));
  const here =
    heldUntil(throttleOf(states, keys.address), at) ??
    heldUntil(throttleOf(states, keys.accountAddress), at);
  if (here) throw tooManyAttempts(here, at);
  // The account-wide delay is waived on a browser its owner has signed in from before.
  const everywhere = heldUntil(throttleOf(states, keys.account), at);
  if (everywhere && !(await isKnownDevice(db, input.tenant, input.deviceToken, input.username))) {
    throw tooManyAttempts(everywhere, at);
  }

  const tenant = await findTenant(db, input.tenant);
  const found = tenant ? await findUserByName(db, tenant.tenantId, input.username) : undefined;
  const user = found && !found.disabled ? found : undefined;
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await dummyPasswordHash(), input.password).then(() => false);
  const ctx = user
    ? auditContext({
        tenantId: user.tenantId,
        userId: user.userId,
        role: user.role,
        clientIp: input.clientIp,
        requestId: input.requestId,
      })
    : undefined;
  if (!passwordOk || !user) {
    await recordFailure(db, input, user, ctx, "password");
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
      await recordFailure(db, input, user, ctx, "totp");
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
  const deviceToken = input.deviceToken ?? randomBytes(24).toString("base64url");
  return transaction(db, async (tx) => {
    await clearThrottles(tx, input.tenant, [keys.accountAddress, keys.account]);
    await rememberDevice(tx, input.tenant, deviceToken, input.username, at);
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
    await recordAudit(tx, ctx!, {
      action: "auth.sign_in",
      entity: "session",
      entityId: session.sessionId,
      change: { totp: totpStep !== undefined, mustEnrol },
    });
    return { token, session, user, deviceToken };
  });
}

/**
 * Counts the failure on every counter the attempt touched. On a real account it is audited, and
 * when the account-wide delay begins the account shows as held (users.locked_until) so an
 * administrator sees it and can lift it.
 */
async function recordFailure(
  db: Db,
  input: SignInInput,
  user: User | undefined,
  ctx: AuditContext | undefined,
  factor: "password" | "totp",
) {
  const at = now();
  const keys = keysOf(input);
  await transaction(db, async (tx) => {
    const states = await countFailure(tx, input.tenant, Object.values(keys), at);
    if (!user || !ctx) return;
    const account = throttleOf(states, keys.account);
    const accountHeld = heldUntil(account, at);
    if (accountHeld) {
      await updateUser(tx, user.tenantId, user.userId, {
        failedLogins: account!.failures,
        lockedUntil: accountHeld,
      });
    }
    await recordAudit(tx, ctx, {
      action: accountHeld ? "auth.throttled" : "auth.sign_in_failed",
      entity: "user",
      entityId: user.userId,
      change: { factor, failures: account?.failures ?? 1 },
    });
  });
}
