import fastifyHelmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";
import { DOCS_PREFIX } from "./guard.ts";
import { errorSchema } from "./types.ts";

/**
 * Response headers and answers that hold for every route: a Content-Security-Policy the web app
 * lives within (no inline script, no framing), 405 for methods the API never serves, and the
 * 4xx answers written into the OpenAPI document so clients know the error shape.
 */

/** The congestion page is made to be embedded in the city's website; nothing else may be framed. */
export const EMBEDDABLE_PAGE = /^\/congestion\/[a-z0-9-]+\/?(\?.*)?$/;

const SERVED_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

const PUBLIC_ERRORS = [400, 404, 409, 413, 414, 422, 429] as const;
const SIGNED_IN_ERRORS = [...PUBLIC_ERRORS, 401, 403] as const;

export async function installHardening(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // React sets style attributes (progress bars, chart widths); no inline <style> blocks.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // QR codes are drawn as data: URLs.
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Same-origin resources only; the board and kiosk run in the same origin.
    crossOriginEmbedderPolicy: false,
    hsts: false,
  });
  app.addHook("onSend", async (request, reply) => {
    if (request.method === "GET" && EMBEDDABLE_PAGE.test(request.url)) {
      const csp = String(reply.getHeader("content-security-policy") ?? "");
      reply.header(
        "content-security-policy",
        csp.replace("frame-ancestors 'none'", "frame-ancestors *"),
      );
      reply.removeHeader("x-frame-options");
    }
    // Swagger UI ships inline bootstrap code; its own pages get a policy that allows it.
    if (request.url.startsWith(DOCS_PREFIX)) {
      const csp = String(reply.getHeader("content-security-policy") ?? "");
      reply.header(
        "content-security-policy",
        csp.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
      );
    }
  });

  app.addHook("onRequest", async (request, reply) => {
    if (!SERVED_METHODS.has(request.method)) {
      return reply
        .status(405)
        .header("allow", [...SERVED_METHODS].join(", "))
        .send({
          code: "method_not_allowed",
          message: "このメソッドは使用できません。",
          messageEn: "This method is not allowed.",
        });
    }
  });

  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/") || route.url.startsWith(DOCS_PREFIX)) return;
    const isPublic = !!(route.config as { access?: { public?: boolean } } | undefined)?.access
      ?.public;
    route.schema ??= {};
    const schema = route.schema as { response?: Record<number, unknown> };
    schema.response ??= {};
    for (const status of isPublic ? PUBLIC_ERRORS : SIGNED_IN_ERRORS) {
      schema.response[status] ??= errorSchema;
    }
  });
}
