import type { App, RouteDeps } from "../platform/http/types.ts";
import { publicReservationRoutes } from "./routes/public.ts";
import { staffReservationRoutes } from "./routes/staff.ts";

/** Reservations over HTTP: the citizen's booking pages and the counter staff's day. */
export async function reservationRoutes(app: App, deps: RouteDeps) {
  await publicReservationRoutes(app, deps);
  await staffReservationRoutes(app, deps);
}
