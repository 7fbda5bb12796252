import { z } from "zod";
import { operationRunner } from "../platform/http/context.ts";
import type { App, RouteDeps } from "../platform/http/types.ts";
import {
  diffSchema,
  hitSchema,
  searchQuery,
  versionInput,
  versionParams,
  versionSchema,
  versionSummary,
} from "./contract.ts";
import {
  confirmVersion,
  currentManual,
  manualDiff,
  manualVersion,
  manualVersions,
  searchManual,
  writeVersion,
} from "./manual.ts";

/** 運営マニュアル: the confirmed manual, its search, the versions, the city's confirmation. */
export async function manualRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);
  const tags = ["manual"];

  app.get(
    "/api/v1/manual",
    {
      config: { access: { permission: "manual.read" } },
      schema: {
        tags,
        summary: "The manual the counter sees: the newest version the city confirmed",
        response: { 200: versionSchema },
      },
    },
    async (request) => run(request, currentManual),
  );

  app.get(
    "/api/v1/manual/search",
    {
      config: { access: { permission: "manual.read" } },
      schema: {
        tags,
        summary:
          "Search the confirmed manual (Japanese: bigrams, kana/kanji variants): matching sections with snippets",
        querystring: searchQuery,
        response: { 200: z.array(hitSchema) },
      },
    },
    async (request) => run(request, (ctx) => searchManual(ctx, request.query)),
  );

  app.get(
    "/api/v1/manual/versions",
    {
      config: { access: { permission: "manual.versions" } },
      schema: {
        tags,
        summary: "Every version, newest first",
        response: { 200: z.array(versionSummary) },
      },
    },
    async (request) => run(request, manualVersions),
  );

  app.post(
    "/api/v1/manual/versions",
    {
      config: { access: { permission: "manual.write" } },
      schema: {
        tags,
        summary: "Write a new version (Markdown): a draft until the city confirms it",
        body: versionInput,
        response: {
          201: z.object({ id: z.string(), number: z.number(), state: z.literal("draft") }),
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await run(request, (ctx) => writeVersion(ctx, request.body))),
  );

  app.get(
    "/api/v1/manual/versions/:id",
    {
      config: { access: { permission: "manual.versions" } },
      schema: {
        tags,
        summary: "One version",
        params: versionParams,
        response: { 200: versionSchema },
      },
    },
    async (request) => run(request, (ctx) => manualVersion(ctx, { versionId: request.params.id })),
  );

  app.get(
    "/api/v1/manual/versions/:id/diff",
    {
      config: { access: { permission: "manual.versions" } },
      schema: {
        tags,
        summary: "A version's changes against the confirmed version, line by line",
        params: versionParams,
        response: { 200: diffSchema },
      },
    },
    async (request) => run(request, (ctx) => manualDiff(ctx, { versionId: request.params.id })),
  );

  app.post(
    "/api/v1/manual/versions/:id/confirm",
    {
      config: { access: { permission: "manual.confirm" } },
      schema: {
        tags,
        summary: "確認: the city confirms a draft",
        params: versionParams,
        response: { 200: versionSchema },
      },
    },
    async (request) => run(request, (ctx) => confirmVersion(ctx, { versionId: request.params.id })),
  );
}
