import { z } from "zod";
import { operationRunner } from "../platform/http/context.ts";
import type { App, RouteDeps } from "../platform/http/types.ts";
import {
  addEvidence,
  commitmentRegister,
  registerCommitment,
  reviewCommitment,
  setCommitmentState,
} from "./commitments.ts";
import {
  commitmentInput,
  commitmentSchema,
  evidenceInput,
  reviewInput,
  stateInput,
} from "./contract.ts";

/** 提案事項: the register of what the proposal promised, its evidence and the city's review. */
export async function commitmentRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);
  const tags = ["commitments"];
  const params = z.object({ id: z.string().uuid() });
  const reply200 = { 200: commitmentSchema };
  app.get(
    "/api/v1/commitments",
    {
      config: { access: { permission: "commitment.read" } },
      schema: {
        tags,
        summary: "The register: each commitment, its evidence and the months owed without any",
        response: { 200: z.array(commitmentSchema) },
      },
    },
    async (request) => run(request, commitmentRegister),
  );
  app.post(
    "/api/v1/commitments",
    {
      config: { access: { permission: "commitment.write" } },
      schema: {
        tags,
        summary: "Register a commitment of the proposal",
        body: commitmentInput,
        response: { 201: commitmentSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await run(request, (ctx) => registerCommitment(ctx, request.body))),
  );
  app.put(
    "/api/v1/commitments/:id/state",
    {
      config: { access: { permission: "commitment.write" } },
      schema: { tags, summary: "Where it stands", params, body: stateInput, response: reply200 },
    },
    async (request) =>
      run(request, (ctx) =>
        setCommitmentState(ctx, { commitmentId: request.params.id, ...request.body }),
      ),
  );
  app.post(
    "/api/v1/commitments/:id/evidence",
    {
      config: { access: { permission: "commitment.write" } },
      schema: {
        tags,
        summary:
          "Attach evidence: a report, a training record, a dashboard figure, a manual version…",
        params,
        body: evidenceInput,
        response: reply200,
      },
    },
    async (request) =>
      run(request, (ctx) =>
        addEvidence(ctx, { commitmentId: request.params.id, evidence: request.body }),
      ),
  );
  app.post(
    "/api/v1/commitments/:id/review",
    {
      config: { access: { permission: "commitment.review" } },
      schema: {
        tags,
        summary: "The city's review: confirmed, or in need of improvement",
        params,
        body: reviewInput,
        response: reply200,
      },
    },
    async (request) =>
      run(request, (ctx) =>
        reviewCommitment(ctx, { commitmentId: request.params.id, ...request.body }),
      ),
  );
}
