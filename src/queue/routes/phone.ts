import { z } from "zod";
import { operationRunner } from "../../platform/http/context.ts";
import type { App, RouteDeps } from "../../platform/http/types.ts";
import { dateRangeQuery, phoneCallBody, phoneCallOut, serviceRecordSchema } from "../contract.ts";
import { paperVisitInput, recordPaperVisit } from "../paperVisits.ts";
import { logPhoneCall } from "../phoneLog.ts";
import { serviceRecords } from "../reads.ts";

/** The phone line's log and the service records of both channels. */
export async function phoneRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);

  app.get(
    "/api/v1/service-records",
    {
      config: { access: { permission: "service.read" } },
      schema: {
        tags: ["service"],
        summary: "Every served procedure (counter and phone) in a date range",
        querystring: dateRangeQuery,
        response: { 200: z.array(serviceRecordSchema) },
      },
    },
    async (request) => {
      const rows = await run(request, (ctx) => serviceRecords(ctx, request.query));
      return rows.map((r) => ({
        ...r,
        issuedAt: r.issuedAt?.toISOString() ?? null,
        calledAt: r.calledAt?.toISOString() ?? null,
        startedAt: r.startedAt.toISOString(),
        finishedAt: r.finishedAt.toISOString(),
      }));
    },
  );

  app.post(
    "/api/v1/queue/paper-visits",
    {
      config: { access: { permission: "queue.serve" } },
      schema: {
        tags: ["queue"],
        summary:
          "Record, after an outage, a visit served on a paper ticket (a number the emergency arrangement set aside; once a day)",
        body: paperVisitInput,
        response: {
          201: z.object({ id: z.string(), serviceDay: z.string(), number: z.string() }),
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await run(request, (ctx) => recordPaperVisit(ctx, request.body))),
  );

  app.post(
    "/api/v1/phone/calls",
    {
      config: { access: { permission: "phone.log" } },
      schema: {
        tags: ["phone"],
        summary: "Log a phone call (電話対応): times, category and outcome",
        body: phoneCallBody,
        response: { 201: phoneCallOut },
      },
    },
    async (request, reply) => {
      const record = await run(request, (ctx) =>
        logPhoneCall(ctx, {
          ...request.body,
          startedAt: new Date(request.body.startedAt),
          endedAt: new Date(request.body.endedAt),
        }),
      );
      return reply.status(201).send({
        recordId: record.recordId,
        serviceDay: record.serviceDay,
        category: record.category,
        outcome: record.outcome,
        startedAt: record.startedAt.toISOString(),
        finishedAt: record.finishedAt.toISOString(),
      });
    },
  );
}
