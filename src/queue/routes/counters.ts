import { z } from "zod";
import { operationRunner } from "../../platform/http/context.ts";
import type { App, RouteDeps } from "../../platform/http/types.ts";
import { okSchema } from "../../platform/http/types.ts";
import {
  counterParams,
  counterSessionSchema,
  myDaySchema,
  openCounterBody,
  ticketSchema,
} from "../contract.ts";
import { callNext, callTicket, closeCounter, openCounter } from "../counterSessions.ts";
import { myDayAtCounter } from "../reads.ts";
import { ticketOut } from "./tickets.ts";

export async function counterRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);

  app.post(
    "/api/v1/queue/counters/:counter/open",
    {
      config: { access: { permission: "queue.serve" } },
      schema: {
        tags: ["queue"],
        summary: "Open the caller's counter session (terminal: the counter's default when omitted)",
        params: counterParams,
        body: openCounterBody,
        response: { 200: counterSessionSchema },
      },
    },
    async (request) => {
      const session = await run(request, (ctx) =>
        openCounter(ctx, {
          counterId: request.params.counter,
          terminalId: request.body.terminal,
          until: request.body.until,
        }),
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
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await run(request, (ctx) => closeCounter(ctx, { counterId: request.params.counter }));
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
      const ticket = await run(request, (ctx) =>
        callNext(ctx, { counterId: request.params.counter }),
      );
      return ticket ? ticketOut(request, ticket) : reply.status(204).send(null);
    },
  );

  app.post(
    "/api/v1/queue/counters/:counter/call",
    {
      config: { access: { permission: "queue.serve" } },
      schema: {
        tags: ["queue"],
        summary: "Call a waiting or held ticket to this counter by its number (out of turn)",
        params: counterParams,
        body: z.object({ ticketId: z.string().max(64) }),
        response: { 200: ticketSchema },
      },
    },
    async (request) => {
      const ticket = await run(request, (ctx) =>
        callTicket(ctx, { counterId: request.params.counter, ticketId: request.body.ticketId }),
      );
      return ticketOut(request, ticket);
    },
  );

  app.get(
    "/api/v1/queue/my-day",
    {
      config: { access: { permission: "queue.serve" } },
      schema: {
        tags: ["queue"],
        summary: "What the signed-in clerk has served at the counter today",
        response: { 200: myDaySchema },
      },
    },
    async (request) => run(request, (ctx) => myDayAtCounter(ctx)),
  );
}
