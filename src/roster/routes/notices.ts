import type { FastifyReply } from "fastify";
import { z } from "zod";
import { operationRunner } from "../../platform/http/context.ts";
import type { App, RouteDeps } from "../../platform/http/types.ts";
import { fileResponse } from "../../platform/http/types.ts";
import { noticeParams, noticeSchema } from "../contract.ts";
import { chartAtNotice, currentChart, nameTags } from "../printouts.ts";
import { acknowledgeNotice, rosterNotices, submitRoster } from "../rosterNotices.ts";
import type { NOTICE_KINDS } from "../rules.ts";
import type { Notice } from "../store.ts";

function noticeOut(n: Notice) {
  return {
    noticeId: n.noticeId,
    kind: n.kind as (typeof NOTICE_KINDS)[number],
    personId: n.personId,
    summary: n.summary,
    summaryEn: n.summaryEn,
    changes: n.changes,
    chartChanged: n.chartChanged,
    createdAt: n.createdAt.toISOString(),
    createdBy: n.createdBy,
    acknowledgedAt: n.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: n.acknowledgedBy,
    acknowledgementNote: n.acknowledgementNote,
  };
}

function sendPdf(reply: FastifyReply, bytes: Uint8Array, filename: string) {
  return reply
    .type("application/pdf")
    .header("cache-control", "no-store")
    .header("content-disposition", `inline; filename="${filename}"`)
    .send(Buffer.from(bytes));
}

/** The submission to the city, the change notices it acknowledges, and the printouts. */
export async function noticeRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);

  app.post(
    "/api/v1/roster/submit",
    {
      config: { access: { permission: "roster.write" } },
      schema: {
        tags: ["roster"],
        summary: "Submit the roster and the organisation chart to the city (once)",
        response: { 201: noticeSchema.extend({ late: z.boolean() }) },
      },
    },
    async (request, reply) => {
      const notice = await run(request, submitRoster);
      return reply.code(201).send({ ...noticeOut(notice), late: notice.late });
    },
  );

  app.get(
    "/api/v1/roster/notices",
    {
      config: { access: { permission: "roster.read" } },
      schema: {
        tags: ["roster"],
        summary: "The roster submission and every change notice (変更報告), newest first",
        response: { 200: z.array(noticeSchema) },
      },
    },
    async (request) => (await run(request, rosterNotices)).map(noticeOut),
  );

  app.post(
    "/api/v1/roster/notices/:noticeId/acknowledge",
    {
      config: { access: { permission: "roster.acknowledge" } },
      schema: {
        tags: ["roster"],
        summary: "The city acknowledges a submission or change notice",
        params: noticeParams,
        body: z.object({ note: z.string().max(500).optional() }),
        response: { 200: noticeSchema },
      },
    },
    async (request) =>
      noticeOut(
        await run(request, (ctx) => acknowledgeNotice(ctx, { ...request.params, ...request.body })),
      ),
  );

  app.get(
    "/api/v1/roster/chart.pdf",
    {
      config: { access: { permission: "roster.read" } },
      schema: {
        tags: ["roster"],
        summary: "The organisation chart (体制図) as it stands, A4 PDF",
        response: fileResponse("application/pdf", "A4 PDF"),
      },
    },
    async (request, reply) => {
      const render = await run(request, currentChart);
      return sendPdf(reply, await render(), "taiseizu.pdf");
    },
  );

  app.get(
    "/api/v1/roster/notices/:noticeId/chart.pdf",
    {
      config: { access: { permission: "roster.read" } },
      schema: {
        tags: ["roster"],
        summary: "The organisation chart as it stood at a notice",
        response: fileResponse("application/pdf", "A4 PDF"),
        params: noticeParams,
      },
    },
    async (request, reply) => {
      const { render, day } = await run(request, (ctx) => chartAtNotice(ctx, request.params));
      return sendPdf(reply, await render(), `taiseizu-${day}.pdf`);
    },
  );

  app.get(
    "/api/v1/roster/name-tags.pdf",
    {
      config: { access: { permission: "roster.write" } },
      schema: {
        tags: ["roster"],
        summary: "Name tags (名札) of everyone on the roster, ten per A4 sheet",
        response: fileResponse("application/pdf", "A4 PDF"),
        querystring: z.object({ person: z.string().max(64).optional() }),
      },
    },
    async (request, reply) => {
      const render = await run(request, (ctx) => nameTags(ctx, { personId: request.query.person }));
      return sendPdf(reply, await render(), "nafuda.pdf");
    },
  );
}
