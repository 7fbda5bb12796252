import { z } from "zod";
import { now } from "../clock.ts";
import { DomainError } from "../errors.ts";
import { authOf, operationRunner } from "../http/context.ts";
import { rateLimit } from "../http/rateLimit.ts";
import { type App, errorSchema, okSchema, type RouteDeps } from "../http/types.ts";
import { tenantIdSchema } from "../tenancy/tenant.ts";
import { publicUser } from "./accounts.ts";
import {
  loginBody,
  meSchema,
  passwordChangeBody,
  proofBody,
  totpConfirmBody,
  userSchema,
} from "./contract.ts";
import { signOut, switchTenant, whoAmI } from "./own.ts";
import { isRole, TOTP_REQUIRED } from "./permissions.ts";
import {
  beginTotpEnrollment,
  changeOwnPassword,
  confirmTotpEnrollment,
  type Outcome,
  removeOwnTotp,
} from "./secondFactor.ts";
import { SESSION_COOKIE } from "./sessions.ts";
import { signIn } from "./signIn.ts";

export { meSchema, userSchema };

/** The browser's known-device cookie: the owner is not held up by delays others have caused. */
export const DEVICE_COOKIE = "madoguchi_device";
const DEVICE_COOKIE_DAYS = 90;

/** A refusal returned by an operation is thrown once the count it made has been committed. */
function settled<T>(outcome: Outcome<T>): T | undefined {
  if (outcome.refused) throw outcome.refused;
  return outcome.value;
}

export async function authRoutes(app: App, { database, config }: RouteDeps) {
  const db = database.db;
  const run = operationRunner(db);
  // Across tenants and processes: one address gets this many tries a minute in all.
  const limiter = rateLimit(db, "sign-in.address", config.signInAttemptsPerMinute, 60_000);

  app.post(
    "/api/v1/auth/login",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["auth"],
        summary: "Sign in (sets the session cookie; send csrfToken as x-csrf-token on writes)",
        body: loginBody,
        response: {
          200: z.object({ csrfToken: z.string(), restriction: z.string().nullable() }),
          401: errorSchema,
        },
      },
    },
    async (request, reply) => {
      if (!(await limiter.hit(request.ip))) {
        throw new DomainError(
          "too_many_requests",
          "too_many_attempts",
          "試行回数が多すぎます。1分ほど待ってから再度お試しください。",
          "Too many attempts. Wait a minute and try again.",
        );
      }
      const { token, session, deviceToken } = await signIn(db, {
        ...request.body,
        clientIp: request.ip,
        deviceToken: request.cookies[DEVICE_COOKIE],
        requestId: request.id,
        skipRequiredTotp: config.demoSkipRequiredTotp,
      });
      reply.setCookie(DEVICE_COOKIE, deviceToken, {
        path: "/api/v1/auth",
        httpOnly: true,
        sameSite: "strict",
        secure: config.secureCookies,
        maxAge: DEVICE_COOKIE_DAYS * 86_400,
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: "/",
        httpOnly: true,
        sameSite: "strict",
        secure: config.secureCookies,
        // Relative, so a shifted demo clock (MADOGUCHI_CLOCK) cannot make the cookie expire at once.
        maxAge: Math.max(0, Math.floor((session.expiresAt.getTime() - now().getTime()) / 1000)),
      });
      return { csrfToken: session.csrfToken, restriction: session.restriction };
    },
  );

  app.post(
    "/api/v1/auth/logout",
    {
      config: { access: { permission: "session.self", allowRestricted: true } },
      schema: { tags: ["auth"], summary: "Sign out", response: { 200: okSchema } },
    },
    async (request, reply) => {
      const { session } = authOf(request);
      await run(request, (ctx) => signOut(ctx, { session }));
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  );

  app.get(
    "/api/v1/auth/me",
    {
      config: { access: { permission: "session.self", allowRestricted: true } },
      schema: {
        tags: ["auth"],
        summary: "The signed-in user, the tenant acted in, and what the role may do",
        response: {
          200: meSchema,
        },
      },
    },
    async (request) => {
      const { user, session, tenantId } = authOf(request);
      const { tenants, permissions, device } = await run(request, (ctx) => whoAmI(ctx, { user }));
      return {
        user: publicUser(user),
        tenant: tenants.find((t) => t.tenantId === tenantId)!,
        tenants,
        csrfToken: session.csrfToken,
        restriction: session.restriction,
        permissions,
        device,
        serverTime: now().toISOString(),
        totpReset: user.totpResetAt
          ? { at: user.totpResetAt.toISOString(), by: user.totpResetBy ?? "" }
          : null,
        totpRequired: isRole(user.role) && TOTP_REQUIRED.has(user.role),
      };
    },
  );

  app.post(
    "/api/v1/auth/switch-tenant",
    {
      config: { access: { permission: "session.self" } },
      schema: {
        tags: ["auth"],
        summary: "Act in another tenant (contractor head office)",
        body: z.object({ tenant: tenantIdSchema }),
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const { user, session } = authOf(request);
      await run(request, (ctx) =>
        switchTenant(ctx, { user, session, tenantId: request.body.tenant }),
      );
      return { ok: true as const };
    },
  );

  app.post(
    "/api/v1/auth/totp/setup",
    {
      config: { access: { permission: "session.self", allowRestricted: true } },
      schema: {
        tags: ["auth"],
        summary:
          "Start two-factor enrolment (the current password; with a factor in force, a current code too)",
        body: proofBody,
        response: { 200: z.object({ secret: z.string(), otpauthUri: z.string() }) },
      },
    },
    async (request) => {
      const { user } = authOf(request);
      const outcome = await run(request, (ctx) =>
        beginTotpEnrollment(ctx, { user, issuer: "madoguchi", proof: request.body }),
      );
      return settled(outcome)!;
    },
  );

  app.delete(
    "/api/v1/auth/totp",
    {
      config: { access: { permission: "session.self" } },
      schema: {
        tags: ["auth"],
        summary: "Switch one's own second factor off (password and a current code)",
        body: proofBody,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const { user } = authOf(request);
      settled(await run(request, (ctx) => removeOwnTotp(ctx, { user, proof: request.body })));
      return { ok: true as const };
    },
  );

  app.post(
    "/api/v1/auth/totp/confirm",
    {
      config: { access: { permission: "session.self", allowRestricted: true } },
      schema: {
        tags: ["auth"],
        summary: "Confirm two-factor enrolment with a code",
        body: totpConfirmBody,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const { user, session } = authOf(request);
      settled(
        await run(request, (ctx) =>
          confirmTotpEnrollment(ctx, { user, session, code: request.body.code }),
        ),
      );
      return { ok: true as const };
    },
  );

  app.post(
    "/api/v1/auth/password",
    {
      config: { access: { permission: "session.self" } },
      schema: {
        tags: ["auth"],
        summary: "Change one's own password",
        body: passwordChangeBody,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const { user } = authOf(request);
      settled(await run(request, (ctx) => changeOwnPassword(ctx, { user, ...request.body })));
      return { ok: true as const };
    },
  );
}
