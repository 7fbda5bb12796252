import { z } from "zod";
import { operationRunner } from "../platform/http/context.ts";
import type { App, RouteDeps } from "../platform/http/types.ts";
import { decisionInput, requestInput, requestSchema } from "./contract.ts";
import {
  decideConsent,
  requestConsent,
  subcontractList,
  withdrawRequest,
} from "./subcontracting.ts";

/** 再委託の承諾: the contractor's requests and the city's written answers. */
export async function subcontractRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);
  const tags = ["subcontracting"];
  const params = z.object({ id: z.string().uuid() });
  app.get(
    "/api/v1/subcontracting",
    {
      config: { access: { permission: "subcontract.read" } },
      schema: {
        tags,
        summary: "Requests for consent to subcontract, and the city's answers",
        response: { 200: z.array(requestSchema) },
      },
    },
    async (request) => run(request, subcontractList),
  );
  app.post(
    "/api/v1/subcontracting",
    {
      config: { access: { permission: "subcontract.request" } },
      schema: {
        tags,
        summary:
          "Ask the city's consent to subcontract a part of the work (never the counter itself)",
        body: requestInput,
        response: { 201: requestSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await run(request, (ctx) => requestConsent(ctx, request.body))),
  );
  app.post(
    "/api/v1/subcontracting/:id/decision",
    {
      config: { access: { permission: "subcontract.decide" } },
      schema: {
        tags,
        summary: "The city's written consent or refusal, with its document number and conditions",
        params,
        body: decisionInput,
        response: { 200: requestSchema },
      },
    },
    async (request) =>
      run(request, (ctx) => decideConsent(ctx, { requestId: request.params.id, ...request.body })),
  );
  app.post(
    "/api/v1/subcontracting/:id/withdraw",
    {
      config: { access: { permission: "subcontract.request" } },
      schema: {
        tags,
        summary: "Withdraw a request not yet answered",
        params,
        response: { 200: requestSchema },
      },
    },
    async (request) =>
      run(request, (ctx) => withdrawRequest(ctx, { requestId: request.params.id })),
  );
}
