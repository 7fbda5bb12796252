import { z } from "zod";
import { addDays } from "../calendar/dates.ts";
import { localDate, now, tokyoIso } from "../platform/clock.ts";
import { DomainError, notFound } from "../platform/errors.ts";
import { actorOf } from "../platform/http/context.ts";
import { RateLimiter } from "../platform/http/rateLimit.ts";
import type { App, RouteDeps } from "../platform/http/types.ts";
import { findTenant } from "../platform/tenancy/store.ts";
import { tenantIdSchema } from "../platform/tenancy/tenant.ts";
import { listProcedures } from "../queue/store.ts";
import {
  availableSlots,
  bookReservation,
  cancelReservation,
  changeReservation,
  closureImpact,
  contactKey,
  manageUrlOf,
  notifyClosure,
  reservationByToken,
  reservationSettingsOf,
  setCapacity,
  updateReservationSettings,
} from "./operations.ts";
import { DEFAULT_RESERVATION_SETTINGS } from "./slots.ts";
import { cancelByStaff, checkIn, dayList, markNoShow, moveByStaff } from "./staff.ts";
import type { Reservation } from "./store.ts";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const slotSchema = z.object({
  start: z.string(),
  end: z.string(),
  capacity: z.number(),
  remaining: z.number(),
});
const tenantParams = z.object({ tenant: tenantIdSchema });
const tokenParams = z.object({ tenant: tenantIdSchema, token: z.string().min(16).max(64) });
const reservationSchema = z.object({
  code: z.string(),
  procedure: z.string(),
  start: z.string(),
  end: z.string(),
  status: z.string(),
  nameKana: z.string().nullable(),
});

/** Per client address and per contact: enough for a family's bookings, not for a script's. */
const BOOKINGS_PER_ADDRESS_PER_HOUR = 20;
const BOOKINGS_PER_CONTACT_PER_HOUR = 5;

const view = (r: Reservation) => ({
  code: r.code,
  procedure: r.procedureCode,
  start: tokyoIso(r.slotStart),
  end: tokyoIso(r.slotEnd),
  status: r.status,
  nameKana: r.nameKana,
});

const tooMany = () =>
  new DomainError(
    "too_many_requests",
    "too_many_attempts",
    "短時間に多くの予約が行われました。しばらくしてからお試しください。",
    "Too many bookings in a short time. Try again later.",
  );

export async function reservationRoutes(app: App, { database, config }: RouteDeps) {
  const db = database.db;
  const byAddress = new RateLimiter(BOOKINGS_PER_ADDRESS_PER_HOUR, 3_600_000);
  const byContact = new RateLimiter(BOOKINGS_PER_CONTACT_PER_HOUR, 3_600_000);

  async function requireTenant(tenantId: string) {
    if (!(await findTenant(db, tenantId))) throw notFound("自治体", "Tenant");
  }

  app.get(
    "/api/v1/public/:tenant/slots",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["reservations"],
        summary: "Bookable slots of a procedure with the places left",
        params: tenantParams,
        querystring: z.object({
          procedure: z.string().max(40),
          from: date.optional(),
          to: date.optional(),
        }),
        response: { 200: z.array(slotSchema) },
      },
    },
    async (request) => {
      await requireTenant(request.params.tenant);
      // Without a range: from the server's today (a training clock included) as far as booking is open.
      const from = request.query.from ?? localDate(now());
      const to =
        request.query.to ?? addDays(localDate(now()), DEFAULT_RESERVATION_SETTINGS.openDaysAhead);
      return availableSlots(db, request.params.tenant, request.query.procedure, from, to);
    },
  );

  app.post(
    "/api/v1/public/:tenant/reservations",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["reservations"],
        summary: "Book a slot (409 slot_full with alternatives when the last place was taken)",
        params: tenantParams,
        body: z.object({
          procedure: z.string().max(40),
          start: z.string().max(40),
          nameKana: z.string().max(60),
          email: z.string().max(200).optional(),
          phone: z.string().max(20).optional(),
          reference: z.string().max(30).optional(),
        }),
        response: { 201: z.object({ code: z.string(), manageUrl: z.string() }) },
      },
    },
    async (request, reply) => {
      await requireTenant(request.params.tenant);
      if (!byAddress.hit(request.ip)) throw tooMany();
      if (!byContact.hit(contactKey(request.body.email, request.body.phone))) throw tooMany();
      const row = await bookReservation(db, request.params.tenant, {
        ...request.body,
        clientIp: request.ip,
        publicUrl: config.publicUrl,
      });
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
      return view(await reservationByToken(db, request.params.tenant, request.params.token));
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
        await cancelReservation(db, request.params.tenant, request.params.token, config.publicUrl),
      ),
  );

  const staffView = z.object({
    id: z.string(),
    code: z.string(),
    procedure: z.string(),
    start: z.string(),
    end: z.string(),
    status: z.string(),
    channel: z.string(),
    nameKana: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    reference: z.string().nullable(),
    ticketId: z.string().nullable(),
  });
  const staffOut = (r: Reservation) => ({
    ...view(r),
    id: r.reservationId,
    channel: r.channel,
    email: r.email,
    phone: r.phone,
    reference: r.reference,
    ticketId: r.ticketId,
  });
  const idParams = z.object({ id: z.string().uuid() });

  app.get(
    "/api/v1/reservations",
    {
      config: { access: { permission: "reservations.manage" } },
      schema: {
        tags: ["reservations"],
        summary: "The day's reservations (audited: names and contacts)",
        querystring: z.object({ date }),
        response: { 200: z.array(staffView) },
      },
    },
    async (request) => (await dayList(db, actorOf(request), request.query.date)).map(staffOut),
  );

  app.post(
    "/api/v1/reservations",
    {
      config: { access: { permission: "reservations.manage" } },
      schema: {
        tags: ["reservations"],
        summary: "Book on behalf of a caller (電話予約)",
        body: z.object({
          procedure: z.string().max(40),
          start: z.string().max(40),
          nameKana: z.string().max(60),
          email: z.string().max(200).optional(),
          phone: z.string().max(20).optional(),
          reference: z.string().max(30).optional(),
        }),
        response: { 201: staffView },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      return reply.status(201).send(
        staffOut(
          await bookReservation(db, actor.tenantId, {
            ...request.body,
            channel: "phone",
            clientIp: request.ip,
            publicUrl: config.publicUrl,
          }),
        ),
      );
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
        response: {
          200: z.object({ reservation: staffView, ticketNumber: z.string(), ticketId: z.string() }),
        },
      },
    },
    async (request) => {
      const { reservation, ticket } = await checkIn(db, actorOf(request), request.params.id);
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
        response: { 200: staffView },
      },
    },
    async (request) => staffOut(await markNoShow(db, actorOf(request), request.params.id)),
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
        response: { 200: staffView },
      },
    },
    async (request) =>
      staffOut(await cancelByStaff(db, actorOf(request), request.params.id, request.body.reason)),
  );

  app.patch(
    "/api/v1/public/:tenant/reservations/:token",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["reservations"],
        summary: "Move a reservation to another slot through its management link",
        params: tokenParams,
        body: z.object({ start: z.string().max(40) }),
        response: { 200: reservationSchema },
      },
    },
    async (request) =>
      view(
        await changeReservation(
          db,
          request.params.tenant,
          request.params.token,
          request.body.start,
          config.publicUrl,
        ),
      ),
  );

  const impactSchema = z.object({
    date: z.string(),
    counterOpen: z.boolean(),
    booked: z.number(),
    notified: z.number(),
  });
  app.get(
    "/api/v1/reservations/closure-impact",
    {
      config: { access: { permission: "reservations.impact" } },
      schema: {
        tags: ["reservations"],
        summary: "Bookings on a day and how many were told of its closure",
        querystring: z.object({ date }),
        response: { 200: impactSchema },
      },
    },
    async (request) => closureImpact(db, actorOf(request).tenantId, request.query.date),
  );

  app.post(
    "/api/v1/reservations/notify-closure",
    {
      config: { access: { permission: "reservations.manage" } },
      schema: {
        tags: ["reservations"],
        summary: "Tell everyone booked on a closed day, in one action",
        body: z.object({ date }),
        response: { 200: impactSchema },
      },
    },
    async (request) => notifyClosure(db, actorOf(request), request.body.date, config.publicUrl),
  );

  app.get(
    "/api/v1/public/:tenant/procedures",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["reservations"],
        summary: "Procedures that can be booked",
        params: tenantParams,
        response: {
          200: z.array(
            z.object({
              code: z.string(),
              nameJa: z.string(),
              nameEn: z.string(),
              standardMinutes: z.number(),
            }),
          ),
        },
      },
    },
    async (request, reply) => {
      await requireTenant(request.params.tenant);
      reply.header("cache-control", "public, max-age=60");
      return (await listProcedures(db, request.params.tenant))
        .filter((p) => p.atCounter && !p.retiredAt)
        .map(({ code, nameJa, nameEn, standardMinutes }) => ({
          code,
          nameJa,
          nameEn,
          standardMinutes,
        }));
    },
  );

  const settingsSchema = z.object({
    slotMinutes: z.number().int(),
    openDaysAhead: z.number().int(),
    closeHoursBefore: z.number().int(),
    maxFuturePerPerson: z.number().int(),
    reservableCounters: z.number().int(),
    purgeAfterDays: z.number().int(),
    capacityByGroup: z.record(z.string(), z.number().int()),
  });
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
    async (request) => reservationSettingsOf(db, actorOf(request).tenantId),
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
    async (request) => updateReservationSettings(db, actorOf(request), request.body),
  );

  app.put(
    "/api/v1/reservations/capacity",
    {
      config: { access: { permission: "queue.configure" } },
      schema: {
        tags: ["reservations"],
        summary: "Set the places of one slot (never below those booked)",
        body: z.object({
          group: z.string().max(40),
          start: z.string().max(40),
          capacity: z.number().int().min(0).max(50),
        }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await setCapacity(
        db,
        actorOf(request),
        request.body.group,
        request.body.start,
        request.body.capacity,
      );
      return { ok: true as const };
    },
  );

  app.post(
    "/api/v1/reservations/:id/move",
    {
      config: { access: { permission: "reservations.manage" } },
      schema: {
        tags: ["reservations"],
        summary: "Move a booking to another slot, with a reason",
        params: idParams,
        body: z.object({ start: z.string().max(40), reason: z.string().max(200) }),
        response: { 200: staffView },
      },
    },
    async (request) =>
      staffOut(
        await moveByStaff(
          db,
          actorOf(request),
          request.params.id,
          request.body.start,
          request.body.reason,
          config.publicUrl,
        ),
      ),
  );
}
