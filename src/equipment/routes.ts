import { z } from "zod";
import { operationRunner } from "../platform/http/context.ts";
import type { App, RouteDeps } from "../platform/http/types.ts";
import {
  faultInput,
  faultSchema,
  historySchema,
  itemParams,
  itemSchema,
  newItemInput,
  repairInput,
  returnInput,
} from "./contract.ts";
import {
  addItem,
  equipmentHistory,
  equipmentLedger,
  reportFault,
  returnToService,
  sendForRepair,
  withdrawItem,
} from "./equipment.ts";

/** 備品台帳: the ledger, faults, repairs and returns to service. */
export async function equipmentRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);
  const tags = ["equipment"];

  app.get(
    "/api/v1/equipment",
    {
      config: { access: { permission: "equipment.read" } },
      schema: {
        tags,
        summary: "The equipment ledger; its terminal items are the queue's terminals (same ids)",
        response: { 200: z.array(itemSchema) },
      },
    },
    async (request) => run(request, equipmentLedger),
  );

  app.post(
    "/api/v1/equipment",
    {
      config: { access: { permission: "equipment.manage" } },
      schema: {
        tags,
        summary: "Add an item to the ledger",
        body: newItemInput,
        response: { 201: itemSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await run(request, (ctx) => addItem(ctx, request.body))),
  );

  app.get(
    "/api/v1/equipment/history",
    {
      config: { access: { permission: "equipment.read" } },
      schema: {
        tags,
        summary: "Faults and repairs of every item (or of one: ?item=)",
        querystring: z.object({ item: z.string().max(40).optional() }),
        response: { 200: historySchema },
      },
    },
    async (request) => run(request, (ctx) => equipmentHistory(ctx, { itemId: request.query.item })),
  );

  app.post(
    "/api/v1/equipment/:id/faults",
    {
      config: { access: { permission: "equipment.report_fault" } },
      schema: {
        tags,
        summary: "Report a fault or damage: the item becomes faulty (a terminal leaves service)",
        params: itemParams,
        body: faultInput,
        response: { 201: faultSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await run(request, (ctx) =>
            reportFault(ctx, { itemId: request.params.id, ...request.body }),
          ),
        ),
  );

  app.post(
    "/api/v1/equipment/:id/repairs",
    {
      config: { access: { permission: "equipment.manage" } },
      schema: {
        tags,
        summary: "Send a faulty item for repair",
        params: itemParams,
        body: repairInput,
        response: { 200: itemSchema },
      },
    },
    async (request) =>
      run(request, (ctx) => sendForRepair(ctx, { itemId: request.params.id, ...request.body })),
  );

  app.post(
    "/api/v1/equipment/:id/return",
    {
      config: { access: { permission: "equipment.manage" } },
      schema: {
        tags,
        summary: "Back in service (closes its repair with the date and cost)",
        params: itemParams,
        body: returnInput,
        response: { 200: itemSchema },
      },
    },
    async (request) =>
      run(request, (ctx) => returnToService(ctx, { itemId: request.params.id, ...request.body })),
  );

  app.post(
    "/api/v1/equipment/:id/withdraw",
    {
      config: { access: { permission: "equipment.manage" } },
      schema: {
        tags,
        summary: "Withdraw an item for good",
        params: itemParams,
        response: { 200: itemSchema },
      },
    },
    async (request) => run(request, (ctx) => withdrawItem(ctx, { itemId: request.params.id })),
  );
}
