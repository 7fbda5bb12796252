import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { DomainError } from "../../platform/errors.ts";
import { citizenActor } from "../../platform/http/context.ts";
import { rateLimit } from "../../platform/http/rateLimit.ts";
import type { App, RouteDeps } from "../../platform/http/types.ts";
import { isoInstant } from "../../platform/inputs.ts";
import { type Ctx, runOperation } from "../../platform/operation.ts";
import { bookableProcedures, slotsForBooking, visitInfo } from "../availability.ts";
import { bookReservation, contactKey, manageUrlOf } from "../booking.ts";
import { cancelReservation, moveReservation, reservationByToken } from "../changes.ts";
import {
  bookableProcedureSchema,
  bookingBody,
  reservationSchema,
  slotSchema,
  slotsQuery,
  tenantParams,
  tokenParams,
  visitSchema,
} from "../contract.ts";
import { view } from "./views.ts";

/** Per client address and per contact: enough for a family's bookings, not for a script's. */
const BOOKINGS_PER_ADDRESS_PER_HOUR = 20;
const BOOKINGS_PER_CONTACT_PER_HOUR = 5;

const tooMany = () =>
  new DomainError(
    "too_many_requests",
    "too_many_attempts",
    "短時間に多くの予約が行われました。しばらくしてからお試しください。",
    "Too many bookings in a short time. Try again later.",
  );

export async function publicReservationRoutes(app: App, { database, config }: RouteDeps) {
  const byAddress = rateLimit(
    database.db,
    "booking.address",
    BOOKINGS_PER_ADDRESS_PER_HOUR,
    3_600_000,
  );
  const byContact = rateLimit(
    database.db,
    "booking.contact",
    BOOKINGS_PER_CONTACT_PER_HOUR,
    3_600_000,
  );
  const run = <T>(
    request: FastifyRequest<{ Params: { tenant: string } }>,
    op: (ctx: Ctx) => Promise<T>,
  ) => runOperation(database.db, citizenActor(request.params.tenant, request), op);

  app.get(
    "/api/v1/public/:tenant/visit",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["reservations"],
        summary: "Where to come: the office, the place of the counter and a map link",
        params: tenantParams,
        response: { 200: visitSchema },
      },
    },
    async (request) => run(request, visitInfo),
  );

  app.get(
    "/api/v1/public/:tenant/slots",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["reservations"],
        summary: "Bookable slots of a procedure with the places left",
        params: tenantParams,
        querystring: slotsQuery,
        response: { 200: z.array(slotSchema) },
      },
    },
    async (request) => run(request, (ctx) => slotsForBooking(ctx, request.query)),
  );

  app.post(
    "/api/v1/public/:tenant/reservations",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["reservations"],
        summary: "Book a slot (409 slot_full with alternatives when the last place was taken)",
        params: tenantParams,
        body: bookingBody,
        response: { 201: z.object({ code: z.string(), manageUrl: z.string() }) },
      },
    },
    async (request, reply) => {
      const tenant = request.params.tenant;
      if (!(await byAddress.hit(request.ip, tenant))) throw tooMany();
      if (!(await byContact.hit(contactKey(request.body.email, request.body.phone), tenant)))
        throw tooMany();
      const row = await run(request, (ctx) =>
        bookReservation(ctx, { ...request.body, publicUrl: config.publicUrl }),
      );
      return reply
        .status(201)
        .send({ code: row.code, manageUrl: manageUrlOf(config.publicUrl, row) });
    },
  );

  app.get(
    "/api/v1/public/:tenant/reservations/:token",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["reservations"],
        summary: "A reservation, through its management link",
        params: tokenParams,
        response: { 200: reservationSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return view(
        await run(request, (ctx) => reservationByToken(ctx, { token: request.params.token })),
      );
    },
  );

  app.delete(
    "/api/v1/public/:tenant/reservations/:token",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["reservations"],
        summary: "Cancel a reservation through its management link",
        params: tokenParams,
        response: { 200: reservationSchema },
      },
    },
    async (request) =>
      view(
        await run(request, (ctx) =>
          cancelReservation(ctx, { token: request.params.token, publicUrl: config.publicUrl }),
        ),
      ),
  );

  app.patch(
    "/api/v1/public/:tenant/reservations/:token",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["reservations"],
        summary: "Move a reservation to another slot through its management link",
        params: tokenParams,
        body: z.object({ start: isoInstant }),
        response: { 200: reservationSchema },
      },
    },
    async (request) =>
      view(
        await run(request, (ctx) =>
          moveReservation(ctx, {
            token: request.params.token,
            start: request.body.start,
            publicUrl: config.publicUrl,
          }),
        ),
      ),
  );

  app.get(
    "/api/v1/public/:tenant/procedures",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["reservations"],
        summary: "Procedures that can be booked",
        params: tenantParams,
        response: { 200: z.array(bookableProcedureSchema) },
      },
    },
    async (request, reply) => {
      const procedures = await run(request, bookableProcedures);
      reply.header("cache-control", "public, max-age=60");
      return procedures;
    },
  );
}
