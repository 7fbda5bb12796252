import { z } from "zod";
import { can } from "../../platform/auth/permissions.ts";
import { on } from "../../platform/events/bus.ts";
import { actorOf } from "../../platform/http/context.ts";
import { openEventStream } from "../../platform/http/sse.ts";
import type { App, RouteDeps } from "../../platform/http/types.ts";
import { fileResponse } from "../../platform/http/types.ts";
import { tenantIdSchema } from "../../platform/tenancy/tenant.ts";
import { currentBoard } from "../board.ts";
import {
  boardSchema,
  congestionSchema,
  publicTicketParams,
  ticketViewSchema,
} from "../contract.ts";
import { serviceDay } from "../issue.ts";
import { congestionOf, publicTicketView } from "../reads.ts";
import { watchQueue } from "../watch.ts";

/**
 * The display board and the public pages. Live streams read outside a request transaction: they
 * hold no personal data and recompute once per burst of changes for all their readers.
 */
export async function boardRoutes(app: App, { database }: RouteDeps) {
  const db = database.db;

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
        summary:
          "Server-Sent Events: `board` with the whole board after every change; on staff screens also `emergency` (a call raised, acknowledged or closed) and, for those who follow incidents, `incident`",
        response: fileResponse("text/event-stream", "Server-Sent Events"),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const tenantId = actor.tenantId;
      const stream = openEventStream(request, reply);
      const push = async () => stream.send("board", await currentBoard(db, tenantId, serviceDay()));
      stream.onClose(watchQueue(tenantId, () => void push().catch(() => {})));
      // Never on the public board or the kiosk: an alarm is for the staff's eyes only.
      for (const [topic, permission] of [
        ["emergency", "emergency.call"],
        ["incident", "incident.read"],
      ] as const)
        if (can(actor.role, permission))
          stream.onClose(
            on(topic, (tenant, event) => {
              if (tenant === tenantId) stream.send(topic, event);
            }),
          );
      await push();
    },
  );

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
      return publicTicketView(db, request.params.tenant, request.params.token);
    },
  );

  app.get(
    "/api/v1/public/:tenant/tickets/:token/events",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["public"],
        summary: "Server-Sent Events: `ticket` after every change to the queue",
        response: fileResponse("text/event-stream", "Server-Sent Events"),
        params: publicTicketParams,
      },
    },
    async (request, reply) => {
      const { tenant, token } = request.params;
      const first = await publicTicketView(db, tenant, token);
      const stream = openEventStream(request, reply);
      stream.send("ticket", first);
      stream.onClose(
        watchQueue(
          tenant,
          () =>
            void publicTicketView(db, tenant, token).then(
              (view) => stream.send("ticket", view),
              () => {},
            ),
        ),
      );
    },
  );

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
      return congestionOf(db, request.params.tenant);
    },
  );

  app.get(
    "/api/v1/public/:tenant/congestion/events",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["public"],
        summary: "Server-Sent Events: `congestion` after every change",
        response: fileResponse("text/event-stream", "Server-Sent Events"),
        params: z.object({ tenant: tenantIdSchema }),
      },
    },
    async (request, reply) => {
      const tenantId = request.params.tenant;
      const first = await congestionOf(db, tenantId);
      const stream = openEventStream(request, reply);
      stream.send("congestion", first);
      stream.onClose(
        watchQueue(
          tenantId,
          () =>
            void congestionOf(db, tenantId).then(
              (c) => stream.send("congestion", c),
              () => {},
            ),
        ),
      );
    },
  );
}
