import "@fastify/cookie";
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { can } from "../auth/permissions.ts";
import { findLiveSession, SESSION_COOKIE } from "../auth/sessions.ts";
import { hasTenantAccess } from "../auth/users.ts";
import type { Db } from "../db/index.ts";
import { DomainError } from "../errors.ts";
import { findTextField, INPUT_REFUSALS } from "../inputs.ts";
import { decodeUrlText, findMyNumberField } from "../mynumber.ts";
import type { Access } from "./context.ts";

export interface RouteInfo {
  method: string;
  url: string;
  access: Access | undefined;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every registered route with its declared access: what the route-walk test checks. */
    routeTable: RouteInfo[];
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
export const TENANT_HEADER = "x-tenant";
export const CSRF_HEADER = "x-csrf-token";
export const DOCS_PREFIX = "/api/docs";

const unauthenticated = () =>
  new DomainError(
    "unauthenticated",
    "unauthenticated",
    "サインインしてください。",
    "Please sign in.",
  );
const wrongTenant = () =>
  new DomainError(
    "forbidden",
    "tenant_forbidden",
    "この自治体のデータを扱う権限がありません。",
    "You have no access to this tenant.",
  );

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The tenant a request names: a `:tenant` path parameter, else the x-tenant header, else none. */
function namedTenant(request: FastifyRequest): string | undefined {
  const param = (request.params as Record<string, string> | undefined)?.tenant;
  const header = request.headers[TENANT_HEADER];
  return param ?? (typeof header === "string" && header ? header : undefined);
}

/**
 * Authorisation in one place. Each route declares its access; API routes without a declaration
 * are refused at start-up. Order: session → second-factor state → tenant → permission → CSRF.
 */
export function installGuard(app: FastifyInstance, db: Db): void {
  app.decorateRequest("auth", undefined);
  const table: RouteInfo[] = [];
  app.decorate("routeTable", table);

  app.addHook("onRoute", (route) => {
    // The API documentation describes the public API and holds no data.
    if (route.url.startsWith(DOCS_PREFIX))
      route.config = { ...route.config, access: { public: true } };
    if (route.url.startsWith("/api/") && !route.config?.access) {
      throw new Error(`route ${route.method} ${route.url} declares no access`);
    }
    for (const method of [route.method].flat()) {
      table.push({ method, url: route.url, access: route.config?.access });
    }
  });

  app.addHook("onRequest", async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || "public" in access) return;
    const token = request.cookies[SESSION_COOKIE];
    const live = token ? await findLiveSession(db, token) : undefined;
    if (!live || live.user.disabled) throw unauthenticated();
    const { session, user } = live;
    if (session.restriction && !access.allowRestricted) {
      throw new DomainError(
        "forbidden",
        "totp_enrollment_required",
        "この役割では二要素認証の設定が必要です。設定を完了してください。",
        "This role requires two-factor authentication. Finish setting it up first.",
      );
    }
    const tenantId = namedTenant(request) ?? session.activeTenantId;
    if (!(await hasTenantAccess(db, user, tenantId))) throw wrongTenant();
    if (!can(user.role, access.permission)) {
      throw new DomainError(
        "forbidden",
        "forbidden",
        "この操作の権限がありません。",
        "Your role may not do this.",
      );
    }
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== "string" || !sameSecret(sent, session.csrfToken)) {
        throw new DomainError(
          "forbidden",
          "csrf_failed",
          "不正なリクエストです。画面を再読み込みしてください。",
          "Request refused (CSRF check). Reload the page.",
        );
      }
    }
    request.auth = { session, user, tenantId };
  });

  // Screens every string of body, query and path before validation and before any handler, so
  // even a field the schema would reject never travels further.
  app.addHook("preValidation", async (request) => {
    for (const [part, value] of [
      ["params", request.params],
      ["query", request.query],
      ["body", request.body],
    ] as const) {
      const field =
        findMyNumberField(value) ?? (part === "body" ? undefined : findInUrlPart(value));
      if (field) {
        throw new DomainError(
          "unprocessable",
          "my_number_detected",
          `個人番号（マイナンバー）と思われる数字が「${field}」に含まれています。個人番号は入力できません。`,
          `The field "${field}" contains what looks like a My Number (individual number). My Numbers must not be entered.`,
          { field: `${part}.${field}` },
        );
      }
      // PostgreSQL cannot store U+0000 in text, nor a lone surrogate in jsonb (a string cut in
      // the middle of a character): refused here rather than failing in the database.
      const nul = findTextField(
        value,
        (text) => text.includes("\u0000") || LONE_SURROGATE.test(text),
      );
      if (nul) {
        const { ja, en } = INPUT_REFUSALS.invalid_text;
        throw new DomainError("unprocessable", "invalid_text", ja, en, { field: `${part}.${nul}` });
      }
    }
  });
}

/** Half of a UTF-16 surrogate pair without its other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Path and query values as a person would read them again: `+` as space, escapes decoded. */
function findInUrlPart(value: unknown): string | undefined {
  if (!value || typeof value !== "object") return undefined;
  const decoded: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    decoded[decodeUrlText(key)] = Array.isArray(inner)
      ? inner.map((v) => decodeUrlText(String(v)))
      : decodeUrlText(String(inner));
  }
  return findMyNumberField(decoded);
}
