import type { App, RouteDeps } from "../platform/http/types.ts";
import { boardRoutes } from "./routes/board.ts";
import { counterRoutes } from "./routes/counters.ts";
import { phoneRoutes } from "./routes/phone.ts";
import { settingsRoutes } from "./routes/settings.ts";
import { ticketRoutes } from "./routes/tickets.ts";
import { turnNoticeRoutes } from "./routes/turnNotices.ts";

/** The queue's HTTP surface, one file per sub-resource. */
export async function queueRoutes(app: App, deps: RouteDeps) {
  await ticketRoutes(app, deps);
  await counterRoutes(app, deps);
  await boardRoutes(app, deps);
  await turnNoticeRoutes(app, deps);
  await phoneRoutes(app, deps);
  await settingsRoutes(app, deps);
}
