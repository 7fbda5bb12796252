import { z } from "zod";
import { operationRunner } from "../../platform/http/context.ts";
import type { App, RouteDeps } from "../../platform/http/types.ts";
import { okSchema } from "../../platform/http/types.ts";
import { isoInstant } from "../../platform/inputs.ts";
import { ticketSchema } from "../../queue/contract.ts";
import { ticketOut } from "../../queue/routes/tickets.ts";
import { bookReservation } from "../booking.ts";
import { moveReservation } from "../changes.ts";
import {
  bookingBody,
  capacityBody,
  checkInSchema,
  dateSchema,
  idParams,
  impactSchema,
  settingsSchema,
  staffViewSchema,
} from "../contract.ts";
import { closureImpact, notifyClosure } from "../dayNotices.ts";
import { reservationSettings, setCapacity, updateReservationSettings } from "../settings.ts";
import { cancelByStaff, checkIn, checkInByCode, dayList, markNoShow } from "../staff.ts";
import { staffOut } from "./views.ts";

/** The counter staff's reservations: the day's list, check-in, no-show, moves, closures, settings. */
export async function staffReservationRoutes(app: App, { database, config }: RouteDeps) {
  const run = operationRunner(database.db);

  app.get(
    "/api/v1/reservations",
    {
      config: { access: { permission: "reservations.manage" } },
      schema: {
        tags: ["reservations"],
        summary: "The day's reservations (audited: names and contacts)",
        querystring: z.object({ date: dateSchema }),
        response: { 200: z.array(staffViewSchema) },
      },
    },
    async (request) => (await run(request, (ctx) => dayList(ctx, request.query))).map(staffOut),
  );

  app.post(
    "/api/v1/reservations",
    {
      config: { access: { permission: "reservations.manage" } },
      schema: {
        tags: ["reservations"],
        summary: "Book on behalf of a caller (電話予約)",
        body: bookingBody,
        response: { 201: staffViewSchema },
      },
    },
    async (request, reply) => {
      const row = await run(request, (ctx) =>
        bookReservation(ctx, { ...request.body, channel: "phone", publicUrl: config.publicUrl }),
      );
      return reply.status(201).send(staffOut(row));
    },
  );

  app.post(
    "/api/v1/reservations/check-in-by-code",
    {
      config: { access: { permission: "reservations.self_check_in" } },
      schema: {
        tags: ["reservations"],
        summary: "Check in at the kiosk by the booking code: today's booking becomes a ticket",
        body: z.object({ code: z.string().min(4).max(20) }),
        response: { 200: ticketSchema },
      },
    },
    async (request) => {
      const { ticket } = await run(request, (ctx) => checkInByCode(ctx, request.body));
      // The ticket only: the kiosk shows a number and a QR code, never the booking's contact.
      return { ...ticketOut(request, ticket), ahead: ticket.ahead };
    },
  );

  app.post(
    "/api/v1/reservations/:id/check-in",
    {
      config: { access: { permission: "reservations.manage" } },
      schema: {
        tags: ["reservations"],
        summary: "Check in: a queue ticket ranked by the reservation time",
        params: idParams,
        response: { 200: checkInSchema },
      },
    },
    async (request) => {
      const { reservation, ticket } = await run(request, (ctx) =>
        checkIn(ctx, { reservationId: request.params.id }),
      );
      return {
        reservation: staffOut(reservation),
        ticketNumber: ticket.displayNumber,
        ticketId: ticket.ticketId,
      };
    },
  );

  app.post(
    "/api/v1/reservations/:id/no-show",
    {
      config: { access: { permission: "reservations.manage" } },
      schema: {
        tags: ["reservations"],
        summary: "Mark as not shown up (after the grace period)",
        params: idParams,
        response: { 200: staffViewSchema },
      },
    },
    async (request) =>
      staffOut(await run(request, (ctx) => markNoShow(ctx, { reservationId: request.params.id }))),
  );

  app.post(
    "/api/v1/reservations/:id/cancel",
    {
      config: { access: { permission: "reservations.manage" } },
      schema: {
        tags: ["reservations"],
        summary: "Cancel with a reason",
        params: idParams,
        body: z.object({ reason: z.string().max(200) }),
        response: { 200: staffViewSchema },
      },
    },
    async (request) =>
      staffOut(
        await run(request, (ctx) =>
          cancelByStaff(ctx, { reservationId: request.params.id, reason: request.body.reason }),
        ),
      ),
  );

  app.post(
    "/api/v1/reservations/:id/move",
    {
      config: { access: { permission: "reservations.manage" } },
      schema: {
        tags: ["reservations"],
        summary: "Move a booking to another slot, with a reason",
        params: idParams,
        body: z.object({ start: isoInstant, reason: z.string().max(200) }),
        response: { 200: staffViewSchema },
      },
    },
    async (request) =>
      staffOut(
        await run(request, (ctx) =>
          moveReservation(ctx, {
            reservationId: request.params.id,
            start: request.body.start,
            reason: request.body.reason,
            publicUrl: config.publicUrl,
          }),
        ),
      ),
  );

  app.get(
    "/api/v1/reservations/closure-impact",
    {
      config: { access: { permission: "reservations.impact" } },
      schema: {
        tags: ["reservations"],
        summary: "Bookings on a day and how many were told of its closure",
        querystring: z.object({ date: dateSchema }),
        response: { 200: impactSchema },
      },
    },
    async (request) => run(request, (ctx) => closureImpact(ctx, request.query)),
  );

  app.post(
    "/api/v1/reservations/notify-closure",
    {
      config: { access: { permission: "reservations.manage" } },
      schema: {
        tags: ["reservations"],
        summary: "Tell everyone booked on a closed day, in one action",
        body: z.object({ date: dateSchema }),
        response: { 200: impactSchema },
      },
    },
    async (request) =>
      run(request, (ctx) =>
        notifyClosure(ctx, { date: request.body.date, publicUrl: config.publicUrl }),
      ),
  );

  app.get(
    "/api/v1/reservations/settings",
    {
      config: { access: { permission: "reservations.manage" } },
      schema: {
        tags: ["reservations"],
        summary: "Reservation settings: slot length, booking window, limits, capacity",
        response: { 200: settingsSchema },
      },
    },
    async (request) => run(request, reservationSettings),
  );

  app.put(
    "/api/v1/reservations/settings",
    {
      config: { access: { permission: "queue.configure" } },
      schema: {
        tags: ["reservations"],
        summary: "Change the reservation settings (manager)",
        body: settingsSchema,
        response: { 200: settingsSchema },
      },
    },
    async (request) => run(request, (ctx) => updateReservationSettings(ctx, request.body)),
  );

  app.put(
    "/api/v1/reservations/capacity",
    {
      config: { access: { permission: "queue.configure" } },
      schema: {
        tags: ["reservations"],
        summary: "Set the places of one slot (never below those booked)",
        body: capacityBody,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const { group, start, capacity } = request.body;
      await run(request, (ctx) => setCapacity(ctx, { groupCode: group, start, capacity }));
      return { ok: true as const };
    },
  );
}
