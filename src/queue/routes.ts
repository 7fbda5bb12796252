import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { notFound } from "../platform/errors.ts";
import { actorOf } from "../platform/http/context.ts";
import { openEventStream } from "../platform/http/sse.ts";
import type { App, RouteDeps } from "../platform/http/types.ts";
import { findTenant } from "../platform/tenancy/store.ts";
import { tenantIdSchema } from "../platform/tenancy/tenant.ts";
import {
  CALL_CATEGORIES,
  CALL_OUTCOME_LABELS,
  CALL_OUTCOMES,
  CHECKLISTS,
  STEP_RESULTS,
} from "./checklist.ts";
import { currentBoard, currentState, ticketView, watchQueue } from "./live.ts";
import {
  addCounter,
  addProcedure,
  callNext,
  cancelTicket,
  changeProcedure,
  closeCounter,
  finishTicket,
  holdTicket,
  issueTicket,
  logPhoneCall,
  noShowTicket,
  openCounter,
  queueSettingsOf,
  recallTicket,
  resumeTicket,
  serviceDay,
  startTicket,
  ticketById,
  transferTicket,
  updateQueueSettings,
} from "./operations.ts";
import { waitRange } from "./predictor.ts";
import {
  findTicketByToken,
  listCounters,
  listGroups,
  listProcedures,
  listTerminals,
  openSessionsOf,
  serviceRecordsBetween,
  type Ticket,
  ticketsOfDay,
} from "./store.ts";
import { NOT_COMPLETED_REASONS, PRIORITY_REASONS, TICKET_STATUSES } from "./tickets.ts";

const rangeSchema = z.object({ low: z.number(), high: z.number() });
const ticketSchema = z.object({
  id: z.string(),
  number: z.string(),
  procedures: z.array(z.string()),
  status: z.enum(TICKET_STATUSES),
  priority: z.boolean(),
  counterId: z.string().nullable(),
  recallCount: z.number(),
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  estimatedWaitMinutes: z.number().nullable(),
  estimate: rangeSchema.nullable(),
  statusUrl: z.string(),
});
const boardCallSchema = z.object({
  displayNumber: z.string(),
  counterId: z.string(),
  counterName: z.string(),
  calledAt: z.string(),
  recall: z.boolean(),
});
const groupSchema = z.object({
  groupCode: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  prefix: z.string(),
  waiting: z.number(),
  lastCalled: z.string().nullable(),
  estimate: rangeSchema.nullable(),
});
const alertSchema = z.object({
  code: z.string(),
  value: z.number(),
  threshold: z.number(),
  message: z.string(),
  messageEn: z.string(),
});
const boardSchema = z.object({
  serviceDay: z.string(),
  generatedAt: z.string(),
  calling: z.array(boardCallSchema),
  history: z.array(boardCallSchema),
  groups: z.array(groupSchema),
  openCounters: z.number(),
  alerts: z.array(alertSchema),
});
const congestionSchema = z.object({
  tenant: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  serviceDay: z.string(),
  generatedAt: z.string(),
  groups: z.array(groupSchema),
  openCounters: z.number(),
});
const ticketViewSchema = z.object({
  number: z.string(),
  status: z.string(),
  procedures: z.array(z.string()),
  position: z.number().nullable(),
  estimate: rangeSchema.nullable(),
  noCounterOpen: z.boolean(),
  counterName: z.string().nullable(),
  serviceDay: z.string(),
});
const ticketParams = z.object({ id: z.string().uuid() });
const counterParams = z.object({ counter: z.string().min(1).max(20) });
const publicTicketParams = z.object({ tenant: tenantIdSchema, token: z.string().min(16).max(64) });

function statusUrl(request: FastifyRequest, ticket: Ticket): string {
  return `${request.protocol}://${request.host}/status/${ticket.tenantId}/${ticket.statusToken}`;
}

function ticketOut(request: FastifyRequest, t: Ticket) {
  const estimate =
    t.estimateMedian !== null && t.estimateP90 !== null
      ? waitRange({
          available: true,
          median: t.estimateMedian,
          p90: t.estimateP90,
          naive: 0,
          beyondClosing: false,
        })
      : null;
  return {
    id: t.ticketId,
    number: t.displayNumber,
    procedures: t.procedureCodes,
    status: t.status as (typeof TICKET_STATUSES)[number],
    priority: t.priority,
    counterId: t.counterId,
    recallCount: t.recallCount,
    issuedAt: t.issuedAt.toISOString(),
    calledAt: t.calledAt?.toISOString() ?? null,
    startedAt: t.startedAt?.toISOString() ?? null,
    estimatedWaitMinutes: t.estimateMedian === null ? null : Math.round(t.estimateMedian),
    estimate,
    statusUrl: statusUrl(request, t),
  };
}

export async function queueRoutes(app: App, { database }: RouteDeps) {
  const db = database.db;

  app.get(
    "/api/v1/queue/catalogue",
    {
      config: { access: { permission: "queue.read" } },
      schema: {
        tags: ["queue"],
        summary: "Procedure groups, procedures, counters and terminals, with reason codes",
        response: {
          200: z.object({
            groups: z.array(z.any()),
            procedures: z.array(z.any()),
            counters: z.array(z.any()),
            terminals: z.array(z.any()),
            openSessions: z.array(z.any()),
            notCompletedReasons: z.record(z.string(), z.any()),
            checklists: z.record(z.string(), z.any()),
            callCategories: z.record(z.string(), z.any()),
            callOutcomes: z.record(z.string(), z.any()),
            priorityReasons: z.record(z.string(), z.any()),
          }),
        },
      },
    },
    async (request) => {
      const tenantId = actorOf(request).tenantId;
      const [groups, procedures, counters, terminals, sessions] = await Promise.all([
        listGroups(db, tenantId),
        listProcedures(db, tenantId),
        listCounters(db, tenantId),
        listTerminals(db, tenantId),
        openSessionsOf(db, tenantId),
      ]);
      return {
        groups,
        procedures,
        counters,
        terminals,
        openSessions: sessions.map((s) => ({
          counterId: s.counterId,
          terminalId: s.terminalId,
          userId: s.userId,
          openedAt: s.openedAt.toISOString(),
        })),
        notCompletedReasons: NOT_COMPLETED_REASONS,
        checklists: CHECKLISTS,
        callCategories: CALL_CATEGORIES,
        callOutcomes: CALL_OUTCOME_LABELS,
        priorityReasons: PRIORITY_REASONS,
      };
    },
  );

  app.post(
    "/api/v1/queue/tickets",
    {
      config: { access: { permission: "queue.issue" } },
      schema: {
        tags: ["queue"],
        summary: "Issue a ticket (kiosk or staff)",
        body: z.object({
          procedures: z.array(z.string().max(40)).min(1).max(5),
          priority: z.boolean().default(false),
          priorityReason: z.string().max(40).optional(),
          overrideReason: z.string().max(200).optional(),
        }),
        response: { 201: ticketSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(ticketOut(request, await issueTicket(db, actorOf(request), request.body))),
  );

  app.get(
    "/api/v1/queue/tickets",
    {
      config: { access: { permission: "queue.read" } },
      schema: {
        tags: ["queue"],
        summary: "Today's tickets",
        querystring: z.object({
          status: z.array(z.enum(TICKET_STATUSES)).or(z.enum(TICKET_STATUSES)).optional(),
        }),
        response: { 200: z.array(ticketSchema) },
      },
    },
    async (request) => {
      const wanted = request.query.status ? [request.query.status].flat() : [...TICKET_STATUSES];
      return (await ticketsOfDay(db, actorOf(request).tenantId, serviceDay(), wanted)).map((t) =>
        ticketOut(request, t),
      );
    },
  );

  app.get(
    "/api/v1/queue/tickets/:id",
    {
      config: { access: { permission: "queue.read" } },
      schema: {
        tags: ["queue"],
        summary: "One ticket",
        params: ticketParams,
        response: { 200: ticketSchema },
      },
    },
    async (request) =>
      ticketOut(request, await ticketById(db, actorOf(request).tenantId, request.params.id)),
  );

  app.post(
    "/api/v1/queue/counters/:counter/open",
    {
      config: { access: { permission: "queue.serve" } },
      schema: {
        tags: ["queue"],
        summary: "Open the caller's counter session (terminal: the counter's default when omitted)",
        params: counterParams,
        body: z
          .object({ terminal: z.string().max(20).optional(), until: z.string().max(5).optional() })
          .default({}),
        response: {
          200: z.object({
            sessionId: z.string(),
            counterId: z.string(),
            terminalId: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => {
      const session = await openCounter(
        db,
        actorOf(request),
        request.params.counter,
        request.body.terminal,
        request.body.until,
      );
      return {
        sessionId: session.sessionId,
        counterId: session.counterId,
        terminalId: session.terminalId,
      };
    },
  );

  app.post(
    "/api/v1/queue/counters/:counter/close",
    {
      config: { access: { permission: "queue.serve" } },
      schema: {
        tags: ["queue"],
        summary: "Close the counter session",
        params: counterParams,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await closeCounter(db, actorOf(request), request.params.counter);
      return { ok: true as const };
    },
  );

  app.post(
    "/api/v1/queue/counters/:counter/call-next",
    {
      config: { access: { permission: "queue.serve" } },
      schema: {
        tags: ["queue"],
        summary: "Call the next ticket this counter can serve (204 when nobody waits for it)",
        params: counterParams,
        response: { 200: ticketSchema, 204: z.null() },
      },
    },
    async (request, reply) => {
      const ticket = await callNext(db, actorOf(request), request.params.counter);
      return ticket ? ticketOut(request, ticket) : reply.status(204).send(null);
    },
  );

  const simple = {
    start: startTicket,
    recall: recallTicket,
    "no-show": noShowTicket,
    hold: holdTicket,
    resume: resumeTicket,
  } as const;
  for (const [path, operation] of Object.entries(simple)) {
    app.post(
      `/api/v1/queue/tickets/:id/${path}`,
      {
        config: { access: { permission: "queue.serve" } },
        schema: {
          tags: ["queue"],
          summary: `${path} a ticket`,
          params: ticketParams,
          response: { 200: ticketSchema },
        },
      },
      async (request) =>
        ticketOut(request, await operation(db, actorOf(request), request.params.id)),
    );
  }

  const outcome = z.enum(["completed", "not_completed"]);
  app.post(
    "/api/v1/queue/tickets/:id/finish",
    {
      config: { access: { permission: "queue.serve" } },
      schema: {
        tags: ["queue"],
        summary: "Finish a ticket; each procedure becomes a service record",
        params: ticketParams,
        body: z.object({
          outcome,
          reason: z.string().max(40).optional(),
          procedureOutcomes: z
            .record(z.string(), z.object({ outcome, reason: z.string().max(40).optional() }))
            .optional(),
          checklists: z.record(z.string(), z.record(z.string(), z.enum(STEP_RESULTS))).optional(),
          note: z.string().max(1000).optional(),
        }),
        response: { 200: ticketSchema },
      },
    },
    async (request) =>
      ticketOut(request, await finishTicket(db, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    "/api/v1/queue/tickets/:id/transfer",
    {
      config: { access: { permission: "queue.serve" } },
      schema: {
        tags: ["queue"],
        summary: "Send a ticket back to the queue for other procedures or another counter",
        params: ticketParams,
        body: z.object({
          procedures: z.array(z.string().max(40)).min(1).max(5).optional(),
          counterId: z.string().max(20).optional(),
        }),
        response: { 200: ticketSchema },
      },
    },
    async (request) =>
      ticketOut(
        request,
        await transferTicket(db, actorOf(request), request.params.id, request.body),
      ),
  );

  app.post(
    "/api/v1/queue/tickets/:id/cancel",
    {
      config: { access: { permission: "queue.serve" } },
      schema: {
        tags: ["queue"],
        summary: "Cancel a ticket",
        params: ticketParams,
        body: z.object({ reason: z.string().max(200).optional() }).default({}),
        response: { 200: ticketSchema },
      },
    },
    async (request) =>
      ticketOut(
        request,
        await cancelTicket(db, actorOf(request), request.params.id, request.body.reason),
      ),
  );

  app.get(
    "/api/v1/queue/board",
    {
      config: { access: { permission: "queue.board" } },
      schema: {
        tags: ["queue"],
        summary: "What the display board shows",
        response: { 200: boardSchema },
      },
    },
    async (request) => currentBoard(db, actorOf(request).tenantId, serviceDay()),
  );

  app.get(
    "/api/v1/queue/events",
    {
      config: { access: { permission: "queue.board" } },
      schema: {
        tags: ["queue"],
        summary: "Server-Sent Events: `board` with the whole board after every change",
      },
    },
    async (request, reply) => {
      const tenantId = actorOf(request).tenantId;
      const stream = openEventStream(request, reply);
      const push = async () => stream.send("board", await currentBoard(db, tenantId, serviceDay()));
      stream.onClose(watchQueue(tenantId, () => void push().catch(() => {})));
      await push();
    },
  );

  // ---- public: the status page of the person waiting and the congestion page ----

  async function publicTenant(tenantId: string) {
    const tenant = await findTenant(db, tenantId);
    if (!tenant) throw notFound("自治体", "Tenant");
    return tenant;
  }

  async function viewOf(tenantId: string, token: string) {
    const ticket = await findTicketByToken(db, tenantId, token);
    if (!ticket) throw notFound("受付番号", "Ticket");
    return ticketView(await currentState(db, tenantId, ticket.serviceDay), ticket);
  }

  app.get(
    "/api/v1/public/:tenant/tickets/:token",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["public"],
        summary: "The status page of one ticket: number, place, estimated wait",
        params: publicTicketParams,
        response: { 200: ticketViewSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return viewOf(request.params.tenant, request.params.token);
    },
  );

  app.get(
    "/api/v1/public/:tenant/tickets/:token/events",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["public"],
        summary: "Server-Sent Events: `ticket` after every change to the queue",
        params: publicTicketParams,
      },
    },
    async (request, reply) => {
      const { tenant, token } = request.params;
      const first = await viewOf(tenant, token);
      const stream = openEventStream(request, reply);
      stream.send("ticket", first);
      stream.onClose(
        watchQueue(
          tenant,
          () =>
            void viewOf(tenant, token).then(
              (view) => stream.send("ticket", view),
              () => {},
            ),
        ),
      );
    },
  );

  async function congestion(tenantId: string) {
    const tenant = await publicTenant(tenantId);
    const board = await currentBoard(db, tenantId, serviceDay());
    return {
      tenant: tenantId,
      nameJa: tenant.nameJa,
      nameEn: tenant.nameEn,
      serviceDay: board.serviceDay,
      generatedAt: board.generatedAt,
      groups: board.groups,
      openCounters: board.openCounters,
    };
  }

  app.get(
    "/api/v1/public/:tenant/congestion",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["public"],
        summary: "混雑状況: people waiting, last number called and estimated wait per group",
        params: z.object({ tenant: tenantIdSchema }),
        response: { 200: congestionSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "public, max-age=5");
      reply.header("access-control-allow-origin", "*");
      return congestion(request.params.tenant);
    },
  );

  app.get(
    "/api/v1/public/:tenant/congestion/events",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["public"],
        summary: "Server-Sent Events: `congestion` after every change",
        params: z.object({ tenant: tenantIdSchema }),
      },
    },
    async (request, reply) => {
      const tenantId = request.params.tenant;
      const first = await congestion(tenantId);
      const stream = openEventStream(request, reply);
      stream.send("congestion", first);
      stream.onClose(
        watchQueue(
          tenantId,
          () =>
            void congestion(tenantId).then(
              (c) => stream.send("congestion", c),
              () => {},
            ),
        ),
      );
    },
  );

  app.get(
    "/api/v1/service-records",
    {
      config: { access: { permission: "service.read" } },
      schema: {
        tags: ["service"],
        summary: "Every served procedure (counter and phone) in a date range",
        querystring: z.object({
          from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
          to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        }),
        response: {
          200: z.array(
            z.object({
              recordId: z.string(),
              serviceDay: z.string(),
              procedureCode: z.string(),
              channel: z.string(),
              outcome: z.string(),
              outcomeReason: z.string().nullable(),
              category: z.string().nullable(),
              checklist: z.record(z.string(), z.string()).nullable(),
              staffUserId: z.string(),
              counterId: z.string().nullable(),
              terminalId: z.string().nullable(),
              ticketId: z.string().nullable(),
              issuedAt: z.string().nullable(),
              calledAt: z.string().nullable(),
              startedAt: z.string(),
              finishedAt: z.string(),
            }),
          ),
        },
      },
    },
    async (request) => {
      const rows = await serviceRecordsBetween(
        db,
        actorOf(request).tenantId,
        request.query.from,
        request.query.to,
      );
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
    "/api/v1/phone/calls",
    {
      config: { access: { permission: "phone.log" } },
      schema: {
        tags: ["phone"],
        summary: "Log a phone call (電話対応): times, category and outcome",
        body: z.object({
          startedAt: z.iso.datetime({ offset: true }),
          endedAt: z.iso.datetime({ offset: true }),
          category: z.string().max(40),
          outcome: z.enum(CALL_OUTCOMES),
          overrideReason: z.string().max(200).optional(),
        }),
        response: {
          201: z.object({
            recordId: z.string(),
            serviceDay: z.string(),
            category: z.string().nullable(),
            outcome: z.string(),
            startedAt: z.string(),
            finishedAt: z.string(),
          }),
        },
      },
    },
    async (request, reply) => {
      const record = await logPhoneCall(db, actorOf(request), {
        ...request.body,
        startedAt: new Date(request.body.startedAt),
        endedAt: new Date(request.body.endedAt),
      });
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

  const settingsSchema = z.object({
    alertLongestWaitMinutes: z.number().int().min(1).max(600),
    alertQueueLength: z.number().int().min(1).max(1000),
    noShowAfterRecalls: z.number().int().min(0).max(10),
  });
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
    async (request) => queueSettingsOf(db, actorOf(request).tenantId),
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
    async (request) => updateQueueSettings(db, actorOf(request), request.body),
  );

  app.post(
    "/api/v1/queue/counters",
    {
      config: { access: { permission: "queue.configure" } },
      schema: {
        tags: ["queue"],
        summary: "Add a counter (窓口)",
        body: z.object({
          counterId: z.string().regex(/^[A-Za-z0-9-]{1,20}$/),
          nameJa: z.string().min(1).max(40),
          defaultTerminalId: z.string().max(20).optional(),
          procedureCodes: z.array(z.string().max(40)).max(20).optional(),
        }),
        response: {
          201: z.object({
            counterId: z.string(),
            nameJa: z.string(),
            defaultTerminalId: z.string().nullable(),
            procedureCodes: z.array(z.string()),
          }),
        },
      },
    },
    async (request, reply) => {
      const { tenantId: _, ...counter } = await addCounter(db, actorOf(request), request.body);
      return reply.status(201).send(counter);
    },
  );

  const procedureOut = z.object({
    code: z.string(),
    nameJa: z.string(),
    nameEn: z.string(),
    standardMinutes: z.number(),
    groupCode: z.string(),
    needsIntegratedTerminal: z.boolean(),
    reportCategory: z.string(),
    atCounter: z.boolean(),
    retiredAt: z.string().nullable(),
  });
  const procedureResponse = (p: Awaited<ReturnType<typeof addProcedure>>) => ({
    ...p,
    retiredAt: p.retiredAt?.toISOString() ?? null,
  });
  app.post(
    "/api/v1/queue/procedures",
    {
      config: { access: { permission: "queue.configure" } },
      schema: {
        tags: ["queue"],
        summary: "Add a procedure to the catalogue (manager)",
        body: z.object({
          code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
          nameJa: z.string().min(1).max(80),
          nameEn: z.string().min(1).max(80),
          standardMinutes: z.number().int().min(1).max(240),
          groupCode: z.string().max(40),
          needsIntegratedTerminal: z.boolean().default(false),
          reportCategory: z.string().max(40).optional(),
        }),
        response: { 201: procedureOut },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(procedureResponse(await addProcedure(db, actorOf(request), request.body))),
  );

  app.patch(
    "/api/v1/queue/procedures/:code",
    {
      config: { access: { permission: "queue.configure" } },
      schema: {
        tags: ["queue"],
        summary: "Rename, re-time or retire a procedure (retired ones stay in history)",
        params: z.object({ code: z.string().max(40) }),
        body: z.object({
          nameJa: z.string().min(1).max(80).optional(),
          nameEn: z.string().min(1).max(80).optional(),
          standardMinutes: z.number().int().min(1).max(240).optional(),
          retired: z.boolean().optional(),
        }),
        response: { 200: procedureOut },
      },
    },
    async (request) =>
      procedureResponse(
        await changeProcedure(db, actorOf(request), request.params.code, request.body),
      ),
  );
}
