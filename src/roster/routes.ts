import type { App, RouteDeps } from "../platform/http/types.ts";
import { dutyRoutes } from "./routes/duty.ts";
import { noticeRoutes } from "./routes/notices.ts";
import { peopleRoutes } from "./routes/people.ts";

/** 従事者名簿 over HTTP: people and accounts, submission and notices with their printouts, duty. */
export async function rosterRoutes(app: App, deps: RouteDeps) {
  await peopleRoutes(app, deps);
  await noticeRoutes(app, deps);
  await dutyRoutes(app, deps);
}
