import { z } from "zod";
import { operationRunner } from "../platform/http/context.ts";
import type { App, RouteDeps } from "../platform/http/types.ts";
import { decisionInput, implementationInput, proposalInput, proposalSchema } from "./contract.ts";
import {
  decideProposal,
  draftProposal,
  proposalList,
  recordImplementation,
  submitProposal,
} from "./proposals.ts";

/** 業務改善提案: drafted, submitted, decided by the city, implemented. */
export async function proposalRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);
  const tags = ["proposals"];
  const params = z.object({ id: z.string().uuid() });
  app.get(
    "/api/v1/proposals",
    {
      config: { access: { permission: "proposal.read" } },
      schema: {
        tags,
        summary: "Improvement proposals, newest first (the city sees those submitted)",
        response: { 200: z.array(proposalSchema) },
      },
    },
    async (request) => run(request, proposalList),
  );
  app.post(
    "/api/v1/proposals",
    {
      config: { access: { permission: "proposal.draft" } },
      schema: {
        tags,
        summary: "Draft a proposal: problem, measure, expected effect, evidence",
        body: proposalInput,
        response: { 201: proposalSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await run(request, (ctx) => draftProposal(ctx, request.body))),
  );
  app.post(
    "/api/v1/proposals/:id/submit",
    {
      config: { access: { permission: "proposal.submit" } },
      schema: {
        tags,
        summary: "Submit to the city (the manager)",
        params,
        response: { 200: proposalSchema },
      },
    },
    async (request) =>
      run(request, (ctx) => submitProposal(ctx, { proposalId: request.params.id })),
  );
  app.post(
    "/api/v1/proposals/:id/decision",
    {
      config: { access: { permission: "proposal.decide" } },
      schema: {
        tags,
        summary: "The city's decision with its comment",
        params,
        body: decisionInput,
        response: { 200: proposalSchema },
      },
    },
    async (request) =>
      run(request, (ctx) =>
        decideProposal(ctx, { proposalId: request.params.id, ...request.body }),
      ),
  );
  app.post(
    "/api/v1/proposals/:id/implementations",
    {
      config: { access: { permission: "proposal.submit" } },
      schema: {
        tags,
        summary:
          "Name what put an accepted proposal into effect (a manual version, a configuration change)",
        params,
        body: implementationInput,
        response: { 200: proposalSchema },
      },
    },
    async (request) =>
      run(request, (ctx) =>
        recordImplementation(ctx, { proposalId: request.params.id, ...request.body }),
      ),
  );
}
