import { notFound } from "../errors.ts";
import { actorOf } from "../http/context.ts";
import type { App, RouteDeps } from "../http/types.ts";
import { findTenant } from "./store.ts";
import { tenantSchema } from "./tenant.ts";

export async function tenantRoutes(app: App, { database }: RouteDeps) {
  app.get(
    "/api/v1/tenant",
    {
      config: { access: { permission: "tenant.read" } },
      schema: {
        tags: ["tenant"],
        summary: "The tenant acted in: contract term, service start, reference figures",
        response: { 200: tenantSchema },
      },
    },
    async (request) => {
      const tenant = await findTenant(database.db, actorOf(request).tenantId);
      if (!tenant) throw notFound("自治体", "Tenant");
      const { createdAt: _, ...rest } = tenant;
      return rest;
    },
  );
}
