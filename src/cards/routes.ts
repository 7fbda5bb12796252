import { z } from "zod";
import { operationRunner } from "../platform/http/context.ts";
import type { App, RouteDeps } from "../platform/http/types.ts";
import {
  cardSummary,
  handOverCard,
  moveCard,
  receiveBatch,
  searchCards,
  setUpCard,
} from "./cards.ts";
import {
  batchInput,
  batchOut,
  cardParams,
  cardQuery,
  cardSchema,
  handoverInput,
  queuesSchema,
  settingsInput,
  settingsSchema,
  setupInput,
  stepInput,
  stocktakeInput,
  stocktakeSchema,
  summarySchema,
} from "./contract.ts";
import { cardSettingsOf, updateCardSettings } from "./settings.ts";
import { cardQueues, stocktakes, takeStock } from "./stock.ts";

/** カード在庫: batches received, each card's steps, the search and the summary. */
export async function cardRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);

  app.post(
    "/api/v1/cards/batches",
    {
      config: { access: { permission: "card.work" } },
      schema: {
        tags: ["cards"],
        summary: "Receive a delivery of cards (受領), as scanned or from the delivery list",
        body: batchInput,
        response: { 201: batchOut },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await run(request, (ctx) => receiveBatch(ctx, request.body))),
  );

  app.get(
    "/api/v1/cards",
    {
      config: { access: { permission: "card.read" } },
      schema: {
        tags: ["cards"],
        summary:
          "Cards by state, or found by the holder's kana (and birth date) or the notice reference",
        querystring: cardQuery,
        response: { 200: z.array(cardSchema) },
      },
    },
    async (request) => run(request, (ctx) => searchCards(ctx, request.query)),
  );

  app.get(
    "/api/v1/cards/summary",
    {
      config: { access: { permission: "card.read" } },
      schema: {
        tags: ["cards"],
        summary: "Cards now in each state",
        response: { 200: summarySchema },
      },
    },
    async (request) => run(request, cardSummary),
  );

  app.post(
    "/api/v1/cards/:id/setup",
    {
      config: { access: { permission: "card.work" } },
      schema: {
        tags: ["cards"],
        summary: "交付前設定 done (on a terminal)",
        params: cardParams,
        body: setupInput,
        response: { 200: cardSchema },
      },
    },
    async (request) =>
      run(request, (ctx) =>
        setUpCard(ctx, { cardId: request.params.id, terminal: request.body.terminal }),
      ),
  );

  app.post(
    "/api/v1/cards/:id/handover",
    {
      config: { access: { permission: "card.work" } },
      schema: {
        tags: ["cards"],
        summary: "交付: the card to its holder, the kind of identity check recorded",
        params: cardParams,
        body: handoverInput,
        response: { 200: cardSchema },
      },
    },
    async (request) =>
      run(request, (ctx) => handOverCard(ctx, { cardId: request.params.id, ...request.body })),
  );

  app.post(
    "/api/v1/cards/:id/steps",
    {
      config: { access: { permission: "card.work" } },
      schema: {
        tags: ["cards"],
        summary: "Another step: notice sent, reserved, unclaimed, reminded, returned, defective",
        params: cardParams,
        body: stepInput,
        response: { 200: cardSchema },
      },
    },
    async (request) =>
      run(request, (ctx) => moveCard(ctx, { cardId: request.params.id, ...request.body })),
  );

  app.get(
    "/api/v1/cards/queues",
    {
      config: { access: { permission: "card.read" } },
      schema: {
        tags: ["cards"],
        summary: "The back office's work: setups, notices, reminders, disposals, express cards",
        response: { 200: queuesSchema },
      },
    },
    async (request) => run(request, cardQueues),
  );

  app.post(
    "/api/v1/cards/stocktakes",
    {
      config: { access: { permission: "card.work" } },
      schema: {
        tags: ["cards"],
        summary: "棚卸: the references scanned in a locker (or all) against the records",
        body: stocktakeInput,
        response: { 201: stocktakeSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await run(request, (ctx) => takeStock(ctx, request.body))),
  );

  app.get(
    "/api/v1/cards/stocktakes",
    {
      config: { access: { permission: "card.stocktake_read" } },
      schema: {
        tags: ["cards"],
        summary: "Every stocktake and what it found, newest first",
        response: { 200: z.array(stocktakeSchema) },
      },
    },
    async (request) => run(request, stocktakes),
  );

  app.get(
    "/api/v1/cards/settings",
    {
      config: { access: { permission: "card.read" } },
      schema: {
        tags: ["cards"],
        summary: "The period before unclaimed cards are returned",
        response: { 200: settingsSchema },
      },
    },
    async (request) => run(request, cardSettingsOf),
  );

  app.put(
    "/api/v1/cards/settings",
    {
      config: { access: { permission: "card.configure" } },
      schema: {
        tags: ["cards"],
        summary: "The city sets the period before unclaimed cards are returned",
        body: settingsInput,
        response: { 200: settingsSchema },
      },
    },
    async (request) => run(request, (ctx) => updateCardSettings(ctx, request.body)),
  );
}
