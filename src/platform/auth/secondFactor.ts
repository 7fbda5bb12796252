import { now } from "../clock.ts";
import { DomainError, notFound } from "../errors.ts";
import { type Ctx, requireAccess } from "../operation.ts";
import { checkPasswordStrength } from "./accounts.ts";
import { type Own, ownAudit } from "./own.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { isRole, TOTP_REQUIRED } from "./permissions.ts";
import { updateSession } from "./sessions.ts";
import { TOTP_ENROLLMENT, tooManyAttempts } from "./signIn.ts";
import { heldUntil } from "./throttle.ts";
import { clearThrottles, countFailure, readThrottles, throttleOf } from "./throttleStore.ts";
import { matchTotp, newTotpSecret, otpauthUri } from "./totp.ts";
import { findUser, type User, updateUser } from "./users.ts";

/**
 * The signed-in user proving themselves again: before a password change and before any change
 * to the second factor. Failures are counted in the database (scope `reauth`) and committed with
 * the request, so the refusal is returned, not thrown: a thrown refusal would roll its own count
 * back. Operations here return `{ refused }` and the route throws it after the commit.
 */
export interface Proof {
  password: string;
  /** A current code, required once the account has a second factor. */
  code?: string | undefined;
}

export interface Outcome<T = undefined> {
  refused?: DomainError;
  value?: T;
}

const wrongProof = (what: "password" | "code") =>
  what === "password"
    ? new DomainError(
        "unprocessable",
        "wrong_password",
        "現在のパスワードが正しくありません。",
        "The current password is wrong.",
      )
    : new DomainError(
        "unprocessable",
        "totp_invalid",
        "確認コードが正しくありません。",
        "The verification code is wrong.",
      );

/** The signed-in user's re-authentication counter: until when it holds, if it does. */
const reauthKey = (user: User) => ({ scope: "reauth" as const, subject: user.userId });
async function reauthHeld(ctx: Ctx, user: User, at: Date) {
  const key = reauthKey(user);
  return heldUntil(throttleOf(await readThrottles(ctx.tx, user.tenantId, [key]), key), at);
}

async function proveIdentity(ctx: Ctx, user: User, proof: Proof): Promise<DomainError | undefined> {
  const at = now();
  const key = reauthKey(user);
  const held = await reauthHeld(ctx, user, at);
  if (held) return tooManyAttempts(held, at);
  const fresh = await findUser(ctx.tx, user.tenantId, user.userId);
  if (!fresh) throw notFound("利用者", "User");
  let failed: "password" | "code" | undefined;
  let step: number | undefined;
  if (!(await verifyPassword(fresh.passwordHash, proof.password))) failed = "password";
  else if (fresh.totpEnabled && fresh.totpSecret) {
    step = proof.code ? matchTotp(fresh.totpSecret, proof.code, at, fresh.totpLastStep) : undefined;
    if (step === undefined) failed = "code";
  }
  if (failed) {
    await countFailure(ctx.tx, user.tenantId, [key], at);
    await ownAudit(ctx, user, "user.reauth_failed");
    return wrongProof(failed);
  }
  await clearThrottles(ctx.tx, user.tenantId, [key]);
  if (step !== undefined)
    await updateUser(ctx.tx, user.tenantId, user.userId, { totpLastStep: step });
  return undefined;
}

/** Changes one's own password after proving the current one (and the code, with a second factor). */
export async function changeOwnPassword(
  ctx: Ctx,
  {
    user,
    current,
    code,
    next,
  }: { user: User; current: string; code?: string | undefined; next: string },
): Promise<Outcome> {
  requireAccess(ctx, "session.self");
  const refused = await proveIdentity(ctx, user, { password: current, code });
  if (refused) return { refused };
  checkPasswordStrength(next);
  const passwordHash = await hashPassword(next);
  await updateUser(ctx.tx, user.tenantId, user.userId, { passwordHash });
  await ownAudit(ctx, user, "user.password_change");
  return {};
}

/**
 * Starts (re-)enrolment: a fresh secret kept aside as pending. The factor in force, if any,
 * stays in force until a code from the new secret is confirmed, so starting over switches
 * nothing off.
 */
export async function beginTotpEnrollment(
  ctx: Ctx,
  { user, issuer, proof }: { user: User; issuer: string; proof: Proof },
): Promise<Outcome<{ secret: string; otpauthUri: string }>> {
  requireAccess(ctx, "session.self");
  const refused = await proveIdentity(ctx, user, proof);
  if (refused) return { refused };
  const secret = newTotpSecret();
  await updateUser(ctx.tx, user.tenantId, user.userId, { totpPendingSecret: secret });
  await ownAudit(ctx, user, user.totpEnabled ? "user.totp_reenrol_begin" : "user.totp_begin");
  return { value: { secret, otpauthUri: otpauthUri(secret, issuer, user.username) } };
}

/** Puts the pending secret in force once a code from it is shown; wrong codes are counted. */
export async function confirmTotpEnrollment(
  ctx: Ctx,
  { user, session, code }: Own & { code: string },
): Promise<Outcome> {
  requireAccess(ctx, "session.self");
  const at = now();
  const key = reauthKey(user);
  const held = await reauthHeld(ctx, user, at);
  if (held) return { refused: tooManyAttempts(held, at) };
  const fresh = await findUser(ctx.tx, user.tenantId, user.userId);
  if (!fresh) throw notFound("利用者", "User");
  const step = fresh.totpPendingSecret ? matchTotp(fresh.totpPendingSecret, code, at) : undefined;
  if (step === undefined) {
    await countFailure(ctx.tx, user.tenantId, [key], at);
    await ownAudit(ctx, user, "user.totp_confirm_failed");
    return { refused: wrongProof("code") };
  }
  await clearThrottles(ctx.tx, user.tenantId, [key]);
  await updateUser(ctx.tx, user.tenantId, user.userId, {
    totpSecret: fresh.totpPendingSecret,
    totpPendingSecret: null,
    totpEnabled: true,
    totpLastStep: step,
    totpResetAt: null,
    totpResetBy: null,
  });
  if (session.restriction === TOTP_ENROLLMENT)
    await updateSession(ctx.tx, session, { restriction: null });
  await ownAudit(ctx, user, "user.totp_enable");
  return {};
}

/** Switches one's own second factor off, with proof; not for roles that must have one. */
export async function removeOwnTotp(
  ctx: Ctx,
  { user, proof }: { user: User; proof: Proof },
): Promise<Outcome> {
  requireAccess(ctx, "session.self");
  if (isRole(user.role) && TOTP_REQUIRED.has(user.role)) {
    throw new DomainError(
      "unprocessable",
      "totp_required_for_role",
      "この役割では二要素認証を解除できません。",
      "This role must keep two-factor authentication.",
    );
  }
  const refused = await proveIdentity(ctx, user, proof);
  if (refused) return { refused };
  await updateUser(ctx.tx, user.tenantId, user.userId, {
    totpEnabled: false,
    totpSecret: null,
    totpPendingSecret: null,
  });
  await ownAudit(ctx, user, "user.totp_remove");
  return {};
}
