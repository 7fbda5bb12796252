import { z } from "zod";
import { operationRunner } from "../http/context.ts";
import { type App, okSchema, type RouteDeps } from "../http/types.ts";
import { deadLetters, resendDeadLetter } from "./outbox.ts";

export const deadLetterSchema = z.object({
  mailId: z.string(),
  kind: z.string(),
  subject: z.string().nullable(),
  createdAt: z.string(),
  deadAt: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
});

/** 送信不能の通知: what the outbox gave up on, for the leads' home page. */
export async function mailRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);

  app.get(
    "/api/v1/mail/dead-letters",
    {
      config: { access: { permission: "mail.monitor" } },
      schema: {
        tags: ["mail"],
        summary: "Notices that could not be delivered (no addresses shown)",
        response: { 200: z.array(deadLetterSchema) },
      },
    },
    async (request) =>
      (await run(request, deadLetters)).map((m) => ({
        ...m,
        createdAt: m.createdAt.toISOString(),
        deadAt: m.deadAt!.toISOString(),
      })),
  );

  app.post(
    "/api/v1/mail/dead-letters/:id/resend",
    {
      config: { access: { permission: "mail.monitor" } },
      schema: {
        tags: ["mail"],
        summary: "Send a dead letter again",
        params: z.object({ id: z.string().uuid() }),
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await run(request, (ctx) => resendDeadLetter(ctx, { mailId: request.params.id }));
      return { ok: true as const };
    },
  );
}
