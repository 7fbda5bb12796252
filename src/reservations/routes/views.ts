import { tokyoIso } from "../../platform/clock.ts";
import type { Reservation } from "../store.ts";

export const view = (r: Reservation) => ({
  code: r.code,
  procedure: r.procedureCode,
  start: tokyoIso(r.slotStart),
  end: tokyoIso(r.slotEnd),
  status: r.status,
  nameKana: r.nameKana,
});

export const staffOut = (r: Reservation) => ({
  ...view(r),
  id: r.reservationId,
  channel: r.channel,
  email: r.email,
  phone: r.phone,
  reference: r.reference,
  ticketId: r.ticketId,
});
