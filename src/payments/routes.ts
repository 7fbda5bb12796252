import type { FastifyReply } from "fastify";
import { operationRunner } from "../platform/http/context.ts";
import { type App, fileResponse, type RouteDeps } from "../platform/http/types.ts";
import { findTenant } from "../platform/tenancy/store.ts";
import {
  contractTermsSchema,
  paymentMonthParams,
  paymentMonthSchema,
  paymentOverviewSchema,
} from "./contract.ts";
import { invoicePdf } from "./invoice.ts";
import {
  claimOf,
  claimPayment,
  paymentOverview,
  paymentTerms,
  recordPayment,
  updatePaymentTerms,
} from "./payments.ts";

/** 委託料: the schedule at a glance, the contract's terms, claims, payments and invoices. */
export async function paymentRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);

  app.get(
    "/api/v1/payments",
    {
      config: { access: { permission: "payment.read" } },
      schema: {
        tags: ["payments"],
        summary: "Every payment month: paid, claimed, claimable (with its amount) or pending",
        response: { 200: paymentOverviewSchema },
      },
    },
    async (request) => run(request, paymentOverview),
  );

  app.get(
    "/api/v1/payments/terms",
    {
      config: { access: { permission: "payment.read" } },
      schema: {
        tags: ["payments"],
        summary: "The contract's terms for the monthly amounts",
        response: { 200: contractTermsSchema.nullable() },
      },
    },
    async (request) => run(request, paymentTerms),
  );

  app.put(
    "/api/v1/payments/terms",
    {
      config: { access: { permission: "payment.configure" } },
      schema: {
        tags: ["payments"],
        summary: "Set the contract's terms: fee model, unit prices, cap, tax rounding, schedule",
        body: contractTermsSchema,
        response: { 200: contractTermsSchema },
      },
    },
    async (request) => run(request, (ctx) => updatePaymentTerms(ctx, request.body)),
  );

  app.post(
    "/api/v1/payments/:month/claim",
    {
      config: { access: { permission: "payment.claim" } },
      schema: {
        tags: ["payments"],
        summary: "Claim a month whose completion report the city accepted (once)",
        params: paymentMonthParams,
        response: { 201: paymentMonthSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await run(request, (ctx) => claimPayment(ctx, request.params))),
  );

  app.post(
    "/api/v1/payments/:month/paid",
    {
      config: { access: { permission: "payment.record" } },
      schema: {
        tags: ["payments"],
        summary: "The city records the month's payment",
        params: paymentMonthParams,
        response: { 200: paymentMonthSchema },
      },
    },
    async (request) => run(request, (ctx) => recordPayment(ctx, request.params)),
  );

  app.get(
    "/api/v1/payments/:month/invoice.pdf",
    {
      config: { access: { permission: "payment.read" } },
      schema: {
        tags: ["payments"],
        summary: "The claim's invoice (請求書), A4 PDF",
        params: paymentMonthParams,
        response: fileResponse("application/pdf", "A4 PDF"),
      },
    },
    async (request, reply) => {
      const { claim, office } = await run(request, async (ctx) => ({
        claim: await claimOf(ctx, request.params),
        office: (await findTenant(ctx.tx, ctx.tenantId))?.nameJa ?? ctx.tenantId,
      }));
      return (reply as unknown as FastifyReply)
        .type("application/pdf")
        .header("cache-control", "no-store")
        .header("content-disposition", `inline; filename="invoice-${claim.invoiceNumber}.pdf"`)
        .send(Buffer.from(await invoicePdf(claim, office)));
    },
  );
}
