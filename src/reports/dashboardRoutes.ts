import type { FastifyReply } from "fastify";
import { localDate, now } from "../platform/clock.ts";
import { operationRunner } from "../platform/http/context.ts";
import { type App, fileResponse, type RouteDeps } from "../platform/http/types.ts";
import { dashboardChartParams, dashboardQuery, dashboardSchema } from "./contract.ts";
import { dashboard, dashboardCsv, lastThirtyDays } from "./dashboard.ts";

/** ダッシュボード: the figures of a range of days for the charts, and each chart's as CSV. */
export async function dashboardRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);
  const rangeOf = (q: { from?: string | undefined; to?: string | undefined }) => {
    const fallback = lastThirtyDays(localDate(now()));
    return { from: q.from ?? fallback.from, to: q.to ?? fallback.to };
  };

  app.get(
    "/api/v1/dashboard",
    {
      config: { access: { permission: "report.read" } },
      schema: {
        tags: ["reports"],
        summary: "Volumes, waits and service level, no-shows and staffing per day and per hour",
        querystring: dashboardQuery,
        response: { 200: dashboardSchema },
      },
    },
    async (request) => run(request, (ctx) => dashboard(ctx, rangeOf(request.query))),
  );

  app.get(
    "/api/v1/dashboard/:chart.csv",
    {
      config: { access: { permission: "report.read" } },
      schema: {
        tags: ["reports"],
        summary: "The figures behind a dashboard chart (days or hours) as CSV",
        params: dashboardChartParams,
        querystring: dashboardQuery,
        response: fileResponse("text/csv", "UTF-8 CSV with a byte-order mark"),
      },
    },
    async (request, reply) => {
      const range = rangeOf(request.query);
      const data = await run(request, (ctx) => dashboard(ctx, range));
      return (reply as unknown as FastifyReply)
        .type("text/csv; charset=utf-8")
        .header("cache-control", "no-store")
        .header(
          "content-disposition",
          `attachment; filename="dashboard-${request.params.chart}-${range.from}-${range.to}.csv"`,
        )
        .send(dashboardCsv(data, request.params.chart));
    },
  );
}
