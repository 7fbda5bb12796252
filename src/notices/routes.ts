import { z } from "zod";
import { operationRunner } from "../platform/http/context.ts";
import type { App, RouteDeps } from "../platform/http/types.ts";
import { noticeInput, noticeSchema, readersSchema } from "./contract.ts";
import { confirmRead, myNotices, noticeReaders, publishNotice } from "./notices.ts";

/** 周知徹底: notices to the counter's people, their confirmations, who has not read. */
export async function noticeRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);
  const tags = ["notices"];
  const params = z.object({ id: z.string().uuid() });
  app.get(
    "/api/v1/notices",
    {
      config: { access: { permission: "notice.read" } },
      schema: {
        tags,
        summary: "Notices, newest first, with whether I have read each",
        response: { 200: z.array(noticeSchema) },
      },
    },
    async (request) => run(request, myNotices),
  );
  app.post(
    "/api/v1/notices",
    {
      config: { access: { permission: "notice.publish" } },
      schema: {
        tags,
        summary: "Publish a notice (essential: read before the next counter session)",
        body: noticeInput,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await run(request, (ctx) => publishNotice(ctx, request.body))),
  );
  app.post(
    "/api/v1/notices/:id/read",
    {
      config: { access: { permission: "notice.read" } },
      schema: {
        tags,
        summary: "Confirm having read a notice (once)",
        params,
        response: { 200: z.object({ read: z.boolean() }) },
      },
    },
    async (request) => run(request, (ctx) => confirmRead(ctx, { noticeId: request.params.id })),
  );
  app.get(
    "/api/v1/notices/:id/readers",
    {
      config: { access: { permission: "notice.publish" } },
      schema: {
        tags,
        summary: "Who has read a notice and who has not",
        params,
        response: { 200: readersSchema },
      },
    },
    async (request) => run(request, (ctx) => noticeReaders(ctx, { noticeId: request.params.id })),
  );
}
