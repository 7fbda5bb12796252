import { operationRunner } from "../platform/http/context.ts";
import type { App, RouteDeps } from "../platform/http/types.ts";
import { continuityPlan, planInput, planSchema, saveContinuityPlan } from "./continuity.ts";

/** 緊急時の体制 (BCP): the arrangement in force, and a new version of it. */
export async function continuityRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);
  app.get(
    "/api/v1/continuity",
    {
      config: { access: { permission: "continuity.read" } },
      schema: {
        tags: ["continuity"],
        summary: "The emergency arrangement in force (contacts, who decides, fallback procedures)",
        response: { 200: planSchema },
      },
    },
    async (request) => run(request, continuityPlan),
  );
  app.put(
    "/api/v1/continuity",
    {
      config: { access: { permission: "continuity.write" } },
      schema: {
        tags: ["continuity"],
        summary: "Save a new version of the emergency arrangement (earlier ones stay on record)",
        body: planInput,
        response: { 200: planSchema },
      },
    },
    async (request) => run(request, (ctx) => saveContinuityPlan(ctx, request.body)),
  );
}
