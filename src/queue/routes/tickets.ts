import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { operationRunner } from "../../platform/http/context.ts";
import type { App, RouteDeps } from "../../platform/http/types.ts";
import {
  cancelBody,
  finishBody,
  issueBody,
  ticketParams,
  ticketSchema,
  transferBody,
} from "../contract.ts";
import { type IssuedTicket, issueTicket } from "../issue.ts";
import { waitRange } from "../predictor.ts";
import { ticketById, ticketsToday } from "../reads.ts";
import type { Ticket } from "../store.ts";
import {
  cancelTicket,
  finishTicket,
  holdTicket,
  noShowTicket,
  recallTicket,
  resumeTicket,
  startTicket,
  transferTicket,
} from "../ticketSteps.ts";
import { TICKET_STATUSES } from "../tickets.ts";

function statusUrl(request: FastifyRequest, ticket: Ticket): string {
  return `${request.protocol}://${request.host}/status/${ticket.tenantId}/${ticket.statusToken}`;
}

/** A ticket just issued: as any ticket, with the people ahead of it for the slip. */
function issuedOut(request: FastifyRequest, t: IssuedTicket) {
  return { ...ticketOut(request, t), ahead: t.ahead };
}

export function ticketOut(request: FastifyRequest, t: Ticket) {
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

export async function ticketRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);

  app.post(
    "/api/v1/queue/tickets",
    {
      config: { access: { permission: "queue.issue" } },
      schema: {
        tags: ["queue"],
        summary: "Issue a ticket (kiosk or staff)",
        body: issueBody,
        response: { 201: ticketSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(issuedOut(request, await run(request, (ctx) => issueTicket(ctx, request.body)))),
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
      const statuses = request.query.status ? [request.query.status].flat() : [...TICKET_STATUSES];
      const rows = await run(request, (ctx) => ticketsToday(ctx, { statuses }));
      return rows.map((t) => ticketOut(request, t));
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
      ticketOut(
        request,
        await run(request, (ctx) => ticketById(ctx, { ticketId: request.params.id })),
      ),
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
        ticketOut(
          request,
          await run(request, (ctx) => operation(ctx, { ticketId: request.params.id })),
        ),
    );
  }

  app.post(
    "/api/v1/queue/tickets/:id/finish",
    {
      config: { access: { permission: "queue.serve" } },
      schema: {
        tags: ["queue"],
        summary: "Finish a ticket; each procedure becomes a service record",
        params: ticketParams,
        body: finishBody,
        response: { 200: ticketSchema },
      },
    },
    async (request) =>
      ticketOut(
        request,
        await run(request, (ctx) =>
          finishTicket(ctx, { ticketId: request.params.id, ...request.body }),
        ),
      ),
  );

  app.post(
    "/api/v1/queue/tickets/:id/transfer",
    {
      config: { access: { permission: "queue.serve" } },
      schema: {
        tags: ["queue"],
        summary: "Send a ticket back to the queue for other procedures or another counter",
        params: ticketParams,
        body: transferBody,
        response: { 200: ticketSchema },
      },
    },
    async (request) =>
      ticketOut(
        request,
        await run(request, (ctx) =>
          transferTicket(ctx, { ticketId: request.params.id, ...request.body }),
        ),
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
        body: cancelBody,
        response: { 200: ticketSchema },
      },
    },
    async (request) =>
      ticketOut(
        request,
        await run(request, (ctx) =>
          cancelTicket(ctx, { ticketId: request.params.id, reason: request.body.reason }),
        ),
      ),
  );
}
