import { z } from "zod";
import { operationRunner } from "../../platform/http/context.ts";
import type { App, RouteDeps } from "../../platform/http/types.ts";
import {
  addCounter,
  addProcedure,
  changeProcedure,
  queueSettingsOf,
  updateQueueSettings,
} from "../configuration.ts";
import {
  catalogueSchema,
  counterOut,
  newCounterBody,
  newProcedureBody,
  procedureChangeBody,
  procedureOut,
  settingsSchema,
} from "../contract.ts";
import { catalogueView } from "../reads.ts";
import type { Procedure } from "../store.ts";

const procedureResponse = (p: Procedure) => ({
  ...p,
  retiredAt: p.retiredAt?.toISOString() ?? null,
});

/** The catalogue and what the manager configures: alert thresholds, counters, procedures. */
export async function settingsRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);

  app.get(
    "/api/v1/queue/catalogue",
    {
      config: { access: { permission: "queue.read" } },
      schema: {
        tags: ["queue"],
        summary: "Procedure groups, procedures, counters and terminals, with reason codes",
        response: { 200: catalogueSchema },
      },
    },
    async (request) => run(request, catalogueView),
  );

  app.get(
    "/api/v1/queue/settings",
    {
      config: { access: { permission: "queue.read" } },
      schema: {
        tags: ["queue"],
        summary: "Alert thresholds and recalls before a no-show",
        response: { 200: settingsSchema },
      },
    },
    async (request) => run(request, queueSettingsOf),
  );

  app.put(
    "/api/v1/queue/settings",
    {
      config: { access: { permission: "queue.configure" } },
      schema: {
        tags: ["queue"],
        summary: "Set the alert thresholds (manager)",
        body: settingsSchema,
        response: { 200: settingsSchema },
      },
    },
    async (request) => run(request, (ctx) => updateQueueSettings(ctx, request.body)),
  );

  app.post(
    "/api/v1/queue/counters",
    {
      config: { access: { permission: "queue.configure" } },
      schema: {
        tags: ["queue"],
        summary: "Add a counter (窓口)",
        body: newCounterBody,
        response: { 201: counterOut },
      },
    },
    async (request, reply) => {
      const { tenantId: _, ...counter } = await run(request, (ctx) =>
        addCounter(ctx, request.body),
      );
      return reply.status(201).send(counter);
    },
  );

  app.post(
    "/api/v1/queue/procedures",
    {
      config: { access: { permission: "queue.configure" } },
      schema: {
        tags: ["queue"],
        summary: "Add a procedure to the catalogue (manager)",
        body: newProcedureBody,
        response: { 201: procedureOut },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(procedureResponse(await run(request, (ctx) => addProcedure(ctx, request.body)))),
  );

  app.patch(
    "/api/v1/queue/procedures/:code",
    {
      config: { access: { permission: "queue.configure" } },
      schema: {
        tags: ["queue"],
        summary: "Rename, re-time or retire a procedure (retired ones stay in history)",
        params: z.object({ code: z.string().max(40) }),
        body: procedureChangeBody,
        response: { 200: procedureOut },
      },
    },
    async (request) =>
      procedureResponse(
        await run(request, (ctx) =>
          changeProcedure(ctx, { code: request.params.code, ...request.body }),
        ),
      ),
  );
}
