import type { FastifyReply } from "fastify";
import { operationRunner } from "../platform/http/context.ts";
import { type App, fileResponse, type RouteDeps } from "../platform/http/types.ts";
import { findTenant } from "../platform/tenancy/store.ts";
import { entryInput, ledgerParams, ledgerSchema, ratesSchema } from "./contract.ts";
import { expenseLedger, expenseRatesOf, recordExpense, updateExpenseRates } from "./ledger.ts";
import { ledgerWorkbook } from "./workbook.ts";

/** 帳簿 (仕様 14): the month's books, entries, the staff cost rates, the workbook. */
export async function expenseRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);

  app.get(
    "/api/v1/expenses/rates",
    {
      config: { access: { permission: "expense.read" } },
      schema: {
        tags: ["payments"],
        summary: "Hourly staff cost by employment type",
        response: { 200: ratesSchema },
      },
    },
    async (request) => run(request, expenseRatesOf),
  );

  app.put(
    "/api/v1/expenses/rates",
    {
      config: { access: { permission: "expense.write" } },
      schema: {
        tags: ["payments"],
        summary: "Set the hourly staff cost by employment type",
        body: ratesSchema,
        response: { 200: ratesSchema },
      },
    },
    async (request) => run(request, (ctx) => updateExpenseRates(ctx, request.body)),
  );

  app.get(
    "/api/v1/expenses/:month",
    {
      config: { access: { permission: "expense.read" } },
      schema: {
        tags: ["payments"],
        summary: "The month's books: staff costs from the roster and the other expenses",
        params: ledgerParams,
        response: { 200: ledgerSchema },
      },
    },
    async (request) => run(request, (ctx) => expenseLedger(ctx, request.params)),
  );

  app.post(
    "/api/v1/expenses/:month/entries",
    {
      config: { access: { permission: "expense.write" } },
      schema: {
        tags: ["payments"],
        summary: "Record an expense (a correction is a further, negative entry)",
        params: ledgerParams,
        body: entryInput,
        response: { 201: ledgerSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await run(request, (ctx) =>
            recordExpense(ctx, { month: request.params.month, ...request.body }),
          ),
        ),
  );

  app.get(
    "/api/v1/expenses/:month/ledger.xlsx",
    {
      config: { access: { permission: "expense.read" } },
      schema: {
        tags: ["payments"],
        summary: "The month's books as a workbook (formula totals, A4)",
        params: ledgerParams,
        response: fileResponse(
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "The workbook",
        ),
      },
    },
    async (request, reply) => {
      const { ledger, office } = await run(request, async (ctx) => ({
        ledger: await expenseLedger(ctx, request.params),
        office: (await findTenant(ctx.tx, ctx.tenantId))?.nameJa ?? ctx.tenantId,
      }));
      return (reply as unknown as FastifyReply)
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("cache-control", "no-store")
        .header("content-disposition", `attachment; filename="ledger-${ledger.month}.xlsx"`)
        .send(await ledgerWorkbook(ledger, office));
    },
  );
}
