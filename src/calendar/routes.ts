import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { now, todayInTokyo } from "../platform/clock.ts";
import { actorOf, citizenActor, operationRunner } from "../platform/http/context.ts";
import type { App, RouteDeps } from "../platform/http/types.ts";
import { fileResponse } from "../platform/http/types.ts";
import { type Ctx, runOperation } from "../platform/operation.ts";
import { tenantIdSchema } from "../platform/tenancy/tenant.ts";
import {
  date,
  daySchema,
  designationSchema,
  exceptionBody,
  exceptionSchema,
  rangeQuery,
  settingsSchema,
  warningSchema,
} from "./contract.ts";
import { addDays } from "./dates.ts";
import { calendarDays, calendarFeedDays } from "./days.ts";
import { decideException, listExceptions, requestException } from "./exceptions.ts";
import { calendarFeed } from "./ics.ts";
import { type BusinessDay, type EXCEPTION_KINDS, publicDay } from "./rules.ts";
import { calendarSettingsOf, updateCalendarSettings } from "./settings.ts";
import type { ExceptionRow } from "./store.ts";
import {
  cancelWeekendOpening,
  designateWeekendOpening,
  weekendOpeningsWithWarnings,
} from "./weekendOpenings.ts";

function exceptionOut(row: ExceptionRow) {
  return {
    ...row,
    kind: row.kind as (typeof EXCEPTION_KINDS)[number],
    status: row.status as z.infer<typeof exceptionSchema>["status"],
    requestedAt: row.requestedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

/** Without a range: this month and the next eleven, from the tenant's own today. */
function defaultRange(q: { from?: string | undefined; to?: string | undefined }, today: string) {
  const from = q.from ?? `${today.slice(0, 7)}-01`;
  return { from, to: q.to ?? addDays(from, 365) };
}

export async function calendarRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);
  /** The public pages act as a citizen in the tenant the path names. */
  const asPublic = <T>(
    request: FastifyRequest<{ Params: { tenant: string } }>,
    op: (ctx: Ctx) => Promise<T>,
  ) => runOperation(database.db, citizenActor(request.params.tenant, request), op);

  app.get(
    "/api/v1/calendar",
    {
      config: { access: { permission: "calendar.read" } },
      schema: {
        tags: ["calendar"],
        summary: "Opening hours of the counter and the phone, day by day, with reasons",
        querystring: rangeQuery,
        response: { 200: z.array(daySchema) },
      },
    },
    async (request) => {
      const { from, to } = defaultRange(request.query, todayInTokyo());
      return run(request, (ctx) => calendarDays(ctx, { from, to }));
    },
  );

  app.get(
    "/api/v1/calendar.ics",
    {
      config: { access: { permission: "calendar.read" } },
      schema: {
        tags: ["calendar"],
        summary: "iCalendar feed of opening days",
        response: fileResponse("text/calendar", "iCalendar"),
        querystring: rangeQuery,
      },
    },
    async (request, reply) => {
      const range = defaultRange(request.query, todayInTokyo());
      return sendFeed(
        reply,
        actorOf(request).tenantId,
        await run(request, (ctx) => calendarFeedDays(ctx, range)),
      );
    },
  );

  app.get(
    "/api/v1/public/:tenant/calendar",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["public"],
        summary: "Public opening calendar (no internal reasons)",
        params: z.object({ tenant: tenantIdSchema }),
        querystring: rangeQuery,
        response: { 200: z.array(daySchema) },
      },
    },
    async (request, reply) => {
      const { from, to } = defaultRange(request.query, todayInTokyo());
      const days = await asPublic(request, (ctx) => calendarDays(ctx, { from, to }));
      reply.header("cache-control", "public, max-age=300");
      return days.map(publicDay);
    },
  );

  app.get(
    "/api/v1/public/:tenant/calendar.ics",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["public"],
        summary: "Public iCalendar feed of opening days, for the city's website",
        response: fileResponse("text/calendar", "iCalendar"),
        params: z.object({ tenant: tenantIdSchema }),
        querystring: rangeQuery,
      },
    },
    async (request, reply) => {
      const range = defaultRange(request.query, todayInTokyo());
      const feed = await asPublic(request, (ctx) => calendarFeedDays(ctx, range));
      reply.header("cache-control", "public, max-age=300");
      return sendFeed(reply, request.params.tenant, feed);
    },
  );

  function sendFeed(
    reply: FastifyReply,
    tenantId: string,
    { days, nameJa }: { days: BusinessDay[]; nameJa: string },
  ) {
    const feed = calendarFeed(days, { tenantId, calendarName: `${nameJa} 開庁日`, stamp: now() });
    return reply
      .type("text/calendar; charset=utf-8")
      .header("content-disposition", `inline; filename="${tenantId}-calendar.ics"`)
      .send(feed);
  }

  app.get(
    "/api/v1/calendar/weekend-openings",
    {
      config: { access: { permission: "calendar.read" } },
      schema: {
        tags: ["calendar"],
        summary: "Designated weekend openings, with a warning for each month outside 1–3",
        querystring: rangeQuery,
        response: {
          200: z.object({
            openings: z.array(z.object({ date: z.string(), reservationOnly: z.boolean() })),
            warnings: z.array(warningSchema),
          }),
        },
      },
    },
    async (request) => {
      const { from, to } = defaultRange(request.query, todayInTokyo());
      return run(request, (ctx) => weekendOpeningsWithWarnings(ctx, { from, to }));
    },
  );

  app.put(
    "/api/v1/calendar/weekend-openings/:date",
    {
      config: { access: { permission: "calendar.designate" } },
      schema: {
        tags: ["calendar"],
        summary: "Designate a Saturday or Sunday as a weekend opening (city)",
        params: z.object({ date }),
        body: z
          .object({ reservationOnly: z.boolean().default(false) })
          .default({ reservationOnly: false }),
        response: { 200: designationSchema },
      },
    },
    async (request) =>
      run(request, (ctx) => designateWeekendOpening(ctx, { ...request.params, ...request.body })),
  );

  app.delete(
    "/api/v1/calendar/weekend-openings/:date",
    {
      config: { access: { permission: "calendar.designate" } },
      schema: {
        tags: ["calendar"],
        summary: "Withdraw a weekend opening (city)",
        params: z.object({ date }),
        response: { 200: designationSchema },
      },
    },
    async (request) => run(request, (ctx) => cancelWeekendOpening(ctx, request.params)),
  );

  app.get(
    "/api/v1/calendar/exceptions",
    {
      config: { access: { permission: "calendar.read" } },
      schema: {
        tags: ["calendar"],
        summary: "Requested and decided changes to days",
        querystring: rangeQuery.extend({ status: z.string().max(20).optional() }),
        response: { 200: z.array(exceptionSchema) },
      },
    },
    async (request) => {
      const { from, to } = defaultRange(request.query, todayInTokyo());
      return (
        await run(request, (ctx) => listExceptions(ctx, { from, to, status: request.query.status }))
      ).map(exceptionOut);
    },
  );

  app.post(
    "/api/v1/calendar/exceptions",
    {
      config: { access: { permission: "calendar.request" } },
      schema: {
        tags: ["calendar"],
        summary:
          "Request a change to a day: extension, temporary session, closure, phone window (manager)",
        body: exceptionBody,
        response: { 201: exceptionSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(exceptionOut(await run(request, (ctx) => requestException(ctx, request.body)))),
  );

  for (const decision of ["approve", "reject", "revoke", "withdraw"] as const) {
    app.post(
      `/api/v1/calendar/exceptions/:exceptionId/${decision}`,
      {
        config: {
          access: { permission: decision === "withdraw" ? "calendar.request" : "calendar.approve" },
        },
        schema: {
          tags: ["calendar"],
          summary: `${decision} a change request`,
          params: z.object({ exceptionId: z.string().uuid() }),
          body: z.object({ note: z.string().max(500).optional() }).optional(),
          response: { 200: exceptionSchema },
        },
      },
      async (request) =>
        exceptionOut(
          await run(request, (ctx) =>
            decideException(ctx, { ...request.params, decision, note: request.body?.note }),
          ),
        ),
    );
  }

  app.get(
    "/api/v1/calendar/settings",
    {
      config: { access: { permission: "calendar.read" } },
      schema: {
        tags: ["calendar"],
        summary: "The tenant's calendar rules",
        response: { 200: settingsSchema },
      },
    },
    async (request) => run(request, calendarSettingsOf),
  );

  app.put(
    "/api/v1/calendar/settings",
    {
      config: { access: { permission: "calendar.configure" } },
      schema: {
        tags: ["calendar"],
        summary: "Change the tenant's calendar rules (city, admin)",
        body: settingsSchema,
        response: { 200: settingsSchema },
      },
    },
    async (request) => run(request, (ctx) => updateCalendarSettings(ctx, request.body)),
  );
}
