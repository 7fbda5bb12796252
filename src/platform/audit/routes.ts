import { z } from "zod";
import { operationRunner } from "../http/context.ts";
import type { App, RouteDeps } from "../http/types.ts";
import { browseAudit, verifyTenantChain } from "./browse.ts";

const eventSchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string(),
  actorRole: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  requestId: z.string().nullable(),
  clientIp: z.string().nullable(),
  digest: z.string().nullable(),
  hash: z.string(),
});

export async function auditRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);

  app.get(
    "/api/v1/audit/events",
    {
      config: { access: { permission: "audit.read" } },
      schema: {
        tags: ["audit"],
        summary: "The tenant's audit events, newest first",
        querystring: z.object({
          beforeSeq: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          action: z.string().max(100).optional(),
          actorId: z.string().max(100).optional(),
        }),
        response: { 200: z.array(eventSchema) },
      },
    },
    async (request) => {
      const rows = await run(request, (ctx) => browseAudit(ctx, request.query));
      return rows.map(({ tenantId: _, prevHash: __, at, ...rest }) => ({
        ...rest,
        at: at.toISOString(),
      }));
    },
  );

  app.get(
    "/api/v1/audit/verify",
    {
      config: { access: { permission: "audit.read" } },
      schema: {
        tags: ["audit"],
        summary: "Verify the tenant's audit hash chain",
        response: {
          200: z.object({
            ok: z.boolean(),
            tenantId: z.string(),
            count: z.number(),
            lastSeq: z.number().optional(),
            lastHash: z.string().optional(),
            brokenAtSeq: z.number().optional(),
            reason: z.string().optional(),
          }),
        },
      },
    },
    async (request) => run(request, verifyTenantChain),
  );
}
