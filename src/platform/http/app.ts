import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "../config.ts";
import type { Database } from "../db/index.ts";
import { frameworkErrors, installErrorHandler } from "./errors.ts";
import { installGuard } from "./guard.ts";
import { installHardening } from "./hardening.ts";
import { installJsonBodyParser } from "./jsonBody.ts";
import { installEventStreams } from "./sse.ts";
import type { App, RouteDeps } from "./types.ts";

const readySchema = z.object({ status: z.string(), database: z.string() });

export type RoutePlugin = (app: App, deps: RouteDeps) => Promise<void>;

export interface BuildOptions {
  database: Database;
  config: Config;
  logger: FastifyBaseLogger;
  routes: RoutePlugin[];
  /** Folder of the built web app; served with a fallback to index.html for client-side routes. */
  webDir?: string | undefined;
}

export async function buildApp(options: BuildOptions): Promise<App> {
  const { database, config } = options;
  await database.listen();
  const app = Fastify({
    loggerInstance: options.logger,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installJsonBodyParser(app);
  await app.register(fastifyCookie);
  await installHardening(app);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "madoguchi API",
        version: "1",
        description: "My Number Card counter platform (窓口).",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "madoguchi_session" },
          csrf: { type: "apiKey", in: "header", name: "x-csrf-token" },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: "/api/docs",
    uiConfig: { docExpansion: "list" },
  });
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
    reply.header("referrer-policy", "no-referrer");
  });
  installGuard(app, database.db);
  installEventStreams(app, {
    perAddress: config.eventStreamsPerAddress,
    perProcess: config.eventStreamsPerProcess,
  });
  installErrorHandler(app);

  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "up" }));
  app.get(
    "/readyz",
    { schema: { hide: true, response: { 200: readySchema, 503: readySchema } } },
    async (_request, reply) => {
      try {
        await database.ping();
        return { status: "ready", database: database.kind };
      } catch {
        return reply.status(503).send({ status: "unavailable", database: database.kind });
      }
    },
  );

  const deps: RouteDeps = { database, config };
  for (const routes of options.routes) await routes(app, deps);

  if (options.webDir && fs.existsSync(path.join(options.webDir, "index.html"))) {
    await app.register(fastifyStatic, {
      root: options.webDir,
      wildcard: false,
      index: "index.html",
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const accepts = request.headers.accept ?? "";
    if (
      request.method === "GET" &&
      !request.url.startsWith("/api/") &&
      accepts.includes("text/html") &&
      options.webDir
    ) {
      return reply.type("text/html").sendFile("index.html", options.webDir);
    }
    return reply
      .status(404)
      .send({ code: "not_found", message: "見つかりません。", messageEn: "Not found." });
  });
  return app;
}
