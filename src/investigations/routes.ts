import { z } from "zod";
import { operationRunner } from "../platform/http/context.ts";
import type { App, RouteDeps } from "../platform/http/types.ts";
import {
  answerInput,
  investigationInput,
  investigationParams,
  investigationSchema,
} from "./contract.ts";
import {
  answerInvestigation,
  closeInvestigation,
  investigationList,
  requestInvestigation,
} from "./investigations.ts";

/** 調査 (仕様 9): the city's requests, the contractor's answers. */
export async function investigationRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);

  app.get(
    "/api/v1/investigations",
    {
      config: { access: { permission: "investigation.read" } },
      schema: {
        tags: ["reports"],
        summary: "The city's investigation requests and the answers, newest first",
        response: { 200: z.array(investigationSchema) },
      },
    },
    async (request) => run(request, investigationList),
  );

  app.post(
    "/api/v1/investigations",
    {
      config: { access: { permission: "investigation.request" } },
      schema: {
        tags: ["reports"],
        summary: "The city asks for an explanation or records, to be answered by a date",
        body: investigationInput,
        response: { 201: investigationSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await run(request, (ctx) => requestInvestigation(ctx, request.body))),
  );

  app.post(
    "/api/v1/investigations/:investigationId/answer",
    {
      config: { access: { permission: "investigation.answer" } },
      schema: {
        tags: ["reports"],
        summary: "The contractor's answer",
        params: investigationParams,
        body: answerInput,
        response: { 200: investigationSchema },
      },
    },
    async (request) =>
      run(request, (ctx) =>
        answerInvestigation(ctx, { ...request.params, answer: request.body.answer }),
      ),
  );

  app.post(
    "/api/v1/investigations/:investigationId/close",
    {
      config: { access: { permission: "investigation.request" } },
      schema: {
        tags: ["reports"],
        summary: "The city closes an answered request",
        params: investigationParams,
        response: { 200: investigationSchema },
      },
    },
    async (request) => run(request, (ctx) => closeInvestigation(ctx, request.params)),
  );
}
