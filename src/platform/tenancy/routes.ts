import { operationRunner } from "../http/context.ts";
import type { App, RouteDeps } from "../http/types.ts";
import { currentTenant } from "./current.ts";
import { tenantSchema } from "./tenant.ts";

export async function tenantRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);
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
      const { createdAt: _, ...rest } = await run(request, currentTenant);
      return rest;
    },
  );
}
