import { z } from "zod";
import { operationRunner } from "../http/context.ts";
import { type App, fileResponse, type RouteDeps } from "../http/types.ts";
import { isoDate } from "../inputs.ts";
import { browseAudit, exportAudit, verifyTenantChain } from "./browse.ts";

export const eventSchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string(),
  actorRole: z.string(),
  /** The acting user's display name; null for the system, citizens and unknown ids. */
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  requestId: z.string().nullable(),
  clientIp: z.string().nullable(),
  digest: z.string().nullable(),
  hash: z.string(),
});

/** The result of walking the tenant's hash chain. */
export const verifySchema = z.object({
  ok: z.boolean(),
  tenantId: z.string(),
  count: z.number(),
  lastSeq: z.number().optional(),
  lastHash: z.string().optional(),
  brokenAtSeq: z.number().optional(),
  reason: z.string().optional(),
});

/** The trail's filters: a period of days, an action or category, an actor. */
const filterQuery = z.object({
  action: z.string().max(100).optional(),
  actorId: z.string().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export async function auditRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);

  app.get(
    "/api/v1/audit/events.csv",
    {
      config: { access: { permission: "audit.read" } },
      schema: {
        tags: ["audit"],
        summary: "The filtered audit trail as CSV for Excel (up to 10,000 events; itself audited)",
        querystring: filterQuery,
        response: fileResponse("text/csv", "UTF-8 CSV with a BOM"),
      },
    },
    async (request, reply) => {
      const csv = await run(request, (ctx) => exportAudit(ctx, request.query));
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="audit.csv"')
        .send(csv);
    },
  );

  app.get(
    "/api/v1/audit/events",
    {
      config: { access: { permission: "audit.read" } },
      schema: {
        tags: ["audit"],
        summary: "The tenant's audit events, newest first",
        querystring: filterQuery.extend({
          beforeSeq: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
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
          200: verifySchema,
        },
      },
    },
    async (request) => run(request, verifyTenantChain),
  );
}
