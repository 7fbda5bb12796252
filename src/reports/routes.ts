import { operationRunner } from "../platform/http/context.ts";
import type { App, RouteDeps } from "../platform/http/types.ts";
import {
  dailyReportOut,
  dateParams,
  inspectInput,
  listQuery,
  monthlyReportOut,
  monthParams,
  reportListOut,
  reportParams,
  reportVersionSchema,
  submitInput,
} from "./contract.ts";
import { dashboardRoutes } from "./dashboardRoutes.ts";
import { reportFileRoutes } from "./fileRoutes.ts";
import {
  dailyReport,
  inspectReport,
  monthlyReport,
  reportStatuses,
  submitReport,
} from "./reports.ts";

/** 日次報告書・月次業務完了報告書: drafts, submissions, the city's decisions, and their files. */
export async function reportRoutes(app: App, deps: RouteDeps) {
  const run = operationRunner(deps.database.db);

  app.get(
    "/api/v1/reports",
    {
      config: { access: { permission: "report.read" } },
      schema: {
        tags: ["reports"],
        summary: "Where each day's or month's report stands (its newest version)",
        querystring: listQuery,
        response: { 200: reportListOut },
      },
    },
    async (request) => run(request, (ctx) => reportStatuses(ctx, request.query)),
  );

  app.get(
    "/api/v1/reports/daily/:date",
    {
      config: { access: { permission: "report.read" } },
      schema: {
        tags: ["reports"],
        summary: "A day's report: the draft from the records (leads) and every submitted version",
        params: dateParams,
        response: { 200: dailyReportOut },
      },
    },
    async (request) => run(request, (ctx) => dailyReport(ctx, request.params)),
  );

  app.post(
    "/api/v1/reports/daily/:date/submit",
    {
      config: { access: { permission: "report.submit" } },
      schema: {
        tags: ["reports"],
        summary: "Submit the day's report as drafted now, with the manager's remarks",
        params: dateParams,
        body: submitInput,
        response: { 201: reportVersionSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await run(request, (ctx) =>
            submitReport(ctx, "daily", { period: request.params.date, ...request.body }),
          ),
        ),
  );

  app.get(
    "/api/v1/reports/monthly/:month",
    {
      config: { access: { permission: "report.read" } },
      schema: {
        tags: ["reports"],
        summary:
          "A month's completion report: the draft (leads) and every version with its decision",
        params: monthParams,
        response: { 200: monthlyReportOut },
      },
    },
    async (request) => run(request, (ctx) => monthlyReport(ctx, request.params)),
  );

  app.post(
    "/api/v1/reports/monthly/:month/submit",
    {
      config: { access: { permission: "report.submit" } },
      schema: {
        tags: ["reports"],
        summary: "Submit the month's completion report (again, after a return: a new version)",
        params: monthParams,
        body: submitInput,
        response: { 201: reportVersionSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await run(request, (ctx) =>
            submitReport(ctx, "monthly", { period: request.params.month, ...request.body }),
          ),
        ),
  );

  app.post(
    "/api/v1/reports/:reportId/decision",
    {
      config: { access: { permission: "report.inspect" } },
      schema: {
        tags: ["reports"],
        summary: "The city's decision on a submitted version: accept (確認・検査済) or return",
        params: reportParams,
        body: inspectInput,
        response: { 200: reportVersionSchema },
      },
    },
    async (request) =>
      run(request, (ctx) =>
        inspectReport(ctx, { reportId: request.params.reportId, ...request.body }),
      ),
  );

  await reportFileRoutes(app, deps);
  await dashboardRoutes(app, deps);
}
