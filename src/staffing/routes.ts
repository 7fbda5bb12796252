import type { FastifyReply } from "fastify";
import { z } from "zod";
import { operationRunner } from "../platform/http/context.ts";
import { type App, fileResponse, type RouteDeps } from "../platform/http/types.ts";
import {
  monthQuery,
  planParams,
  planRequest,
  shiftsBody,
  staffingPlanSchema,
  tenantTargetsOut,
  tenantTargetsSchema,
} from "./contract.ts";
import {
  applyDayReplan,
  applyReplanInput,
  replanDay,
  replanInput,
  replanSchema,
} from "./dayReplan.ts";
import { planMonth } from "./plan.ts";
import { editShifts, planById, planOfMonth, publishPlan, savePlan } from "./planBook.ts";
import { staffingInputs } from "./plans.ts";
import { staffingTargetsOf, updateStaffingTargets } from "./targets.ts";
import { planWorkbook } from "./workbook.ts";

/** 要員計画: make a month's plan, read it, edit its shifts, publish it to the roster. */
export async function staffingRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);

  app.post(
    "/api/v1/staffing/plans",
    {
      config: { access: { permission: "staffing.plan" } },
      schema: {
        tags: ["staffing"],
        summary:
          "Make the month's plan: demand, the optimised roster, its bound, the baseline, the simulation",
        body: planRequest,
        response: { 201: staffingPlanSchema },
      },
    },
    async (request, reply) => {
      const { month, counterServiceLevel, counterWaitMinutes } = request.body;
      const targets = {
        ...(counterServiceLevel ? { counterServiceLevel } : {}),
        ...(counterWaitMinutes ? { counterWaitMinutes } : {}),
      };
      // Read in one transaction, solve outside any (seconds, in a worker), save in another.
      const input = await run(request, (ctx) => staffingInputs(ctx, { month, targets }));
      const plan = await planMonth(input);
      const saved = await run(request, (ctx) => savePlan(ctx, { plan, people: input.people }));
      return reply.status(201).send(saved);
    },
  );

  app.get(
    "/api/v1/staffing/targets",
    {
      config: { access: { permission: "staffing.plan" } },
      schema: {
        tags: ["staffing"],
        summary: "The service-level targets the tenant's plans aim at",
        response: { 200: tenantTargetsOut },
      },
    },
    async (request) => run(request, (ctx) => staffingTargetsOf(ctx)),
  );

  app.put(
    "/api/v1/staffing/targets",
    {
      config: { access: { permission: "staffing.configure" } },
      schema: {
        tags: ["staffing"],
        summary: "Set the service-level targets for plans made from now on",
        body: tenantTargetsSchema,
        response: { 200: tenantTargetsOut },
      },
    },
    async (request) => run(request, (ctx) => updateStaffingTargets(ctx, request.body)),
  );

  app.get(
    "/api/v1/staffing/plans",
    {
      config: { access: { permission: "staffing.plan" } },
      schema: {
        tags: ["staffing"],
        summary: "The newest plan of a month, with the rules its shifts break as they stand",
        querystring: monthQuery,
        response: { 200: staffingPlanSchema },
      },
    },
    async (request) => run(request, (ctx) => planOfMonth(ctx, request.query)),
  );

  app.put(
    "/api/v1/staffing/plans/:planId/shifts",
    {
      config: { access: { permission: "staffing.plan" } },
      schema: {
        tags: ["staffing"],
        summary: "Save hand edits to the shifts; every rule is checked again",
        params: planParams,
        body: shiftsBody,
        response: { 200: staffingPlanSchema },
      },
    },
    async (request) =>
      run(request, (ctx) =>
        editShifts(ctx, { planId: request.params.planId, shifts: request.body.shifts }),
      ),
  );

  app.get(
    "/api/v1/staffing/plans/:planId/roster.xlsx",
    {
      config: { access: { permission: "staffing.plan" } },
      schema: {
        tags: ["staffing"],
        summary: "The plan as a workbook: roster, required and scheduled staff, figures (A4)",
        params: planParams,
        response: fileResponse(
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "The workbook",
        ),
      },
    },
    async (request, reply) => {
      const { plan, office } = await run(request, (ctx) =>
        planById(ctx, { planId: request.params.planId }),
      );
      // A file, not JSON: sent past the typed reply, as the PDFs are.
      return (reply as unknown as FastifyReply)
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("cache-control", "no-store")
        .header("content-disposition", `attachment; filename="roster-${plan.month}.xlsx"`)
        .send(await planWorkbook(plan, office));
    },
  );

  app.post(
    "/api/v1/staffing/plans/:planId/publish",
    {
      config: { access: { permission: "staffing.plan" } },
      schema: {
        tags: ["staffing"],
        summary: "Publish: the shifts go on the roster, where staff see them",
        params: planParams,
        response: { 200: staffingPlanSchema },
      },
    },
    async (request) => run(request, (ctx) => publishPlan(ctx, { planId: request.params.planId })),
  );

  app.post(
    "/api/v1/staffing/replan-day",
    {
      config: { access: { permission: "staffing.plan" } },
      schema: {
        tags: ["staffing"],
        summary:
          "Same-day re-plan: people marked absent; the day's best cover proposed from those not yet working",
        body: replanInput,
        response: { 200: replanSchema },
      },
    },
    async (request) => run(request, (ctx) => replanDay(ctx, request.body)),
  );

  app.post(
    "/api/v1/staffing/replan-day/apply",
    {
      config: { access: { permission: "staffing.plan" } },
      schema: {
        tags: ["staffing"],
        summary:
          "Put a same-day re-plan on the roster: the absent people's shifts off, the added ones on",
        body: applyReplanInput,
        response: { 200: z.object({ removed: z.number(), added: z.number() }) },
      },
    },
    async (request) => run(request, (ctx) => applyDayReplan(ctx, request.body)),
  );
}
