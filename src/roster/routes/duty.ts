import { z } from "zod";
import { todayInTokyo } from "../../platform/clock.ts";
import { operationRunner } from "../../platform/http/context.ts";
import type { App, RouteDeps } from "../../platform/http/types.ts";
import { date, dutySchema, shiftBody, shiftSchema } from "../contract.ts";
import { dutyView } from "../duty.ts";
import type { WORK_ROLES } from "../rules.ts";
import { removeShift, scheduleShift } from "../shifts.ts";
import type { Shift } from "../store.ts";

export const shiftOut = (s: Shift) => ({
  shiftId: s.shiftId,
  personId: s.personId,
  day: s.day,
  startTime: s.startTime,
  endTime: s.endTime,
  work: s.work as (typeof WORK_ROLES)[number],
});

/** The duty view (is the manager or the deputy there in every open hour?) and the shifts behind it. */
export async function dutyRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);

  app.get(
    "/api/v1/roster/duty",
    {
      config: { access: { permission: "roster.read" } },
      schema: {
        tags: ["roster"],
        summary: "A service day hour by hour: is the manager or the deputy on duty?",
        querystring: z.object({ date: date.optional() }),
        response: { 200: dutySchema },
      },
    },
    async (request) =>
      run(request, (ctx) => dutyView(ctx, { date: request.query.date ?? todayInTokyo() })),
  );

  app.post(
    "/api/v1/roster/shifts",
    {
      config: { access: { permission: "roster.write" } },
      schema: {
        tags: ["roster"],
        summary: "Schedule a person (refused without the mandatory training)",
        body: shiftBody,
        response: { 201: shiftSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(shiftOut(await run(request, (ctx) => scheduleShift(ctx, request.body)))),
  );

  app.delete(
    "/api/v1/roster/shifts/:shiftId",
    {
      config: { access: { permission: "roster.write" } },
      schema: {
        tags: ["roster"],
        summary: "Remove a scheduled shift",
        params: z.object({ shiftId: z.string().max(64) }),
        response: { 204: z.null().describe("Removed") },
      },
    },
    async (request, reply) => {
      await run(request, (ctx) => removeShift(ctx, request.params));
      return reply.code(204).send(null);
    },
  );
}
