import type { FastifyRequest } from "fastify";
import { DomainError } from "../../platform/errors.ts";
import { citizenActor } from "../../platform/http/context.ts";
import { rateLimit } from "../../platform/http/rateLimit.ts";
import type { App, RouteDeps } from "../../platform/http/types.ts";
import { channelsNamed } from "../../platform/notify/channels.ts";
import { type Ctx, runOperation } from "../../platform/operation.ts";
import {
  publicTicketParams,
  turnNoticeBody,
  turnNoticeChannelParams,
  turnNoticeOptionsSchema,
} from "../contract.ts";
import { requestTurnNotice, turnNoticeOptions, withdrawTurnNotice } from "../turnNotices.ts";

/** A family may ask for a few; a script may not turn the counter into a mail relay. */
const REQUESTS_PER_ADDRESS_PER_HOUR = 20;

/** 呼出前のお知らせ: the person waiting chooses, on the status page, how to be told. */
export async function turnNoticeRoutes(app: App, { database, config }: RouteDeps) {
  const channels = channelsNamed(config.noticeChannels);
  const byAddress = rateLimit(
    database.db,
    "turn-notice.address",
    REQUESTS_PER_ADDRESS_PER_HOUR,
    3_600_000,
  );
  const run = <T>(
    request: FastifyRequest<{ Params: { tenant: string } }>,
    op: (ctx: Ctx) => Promise<T>,
  ) => runOperation(database.db, citizenActor(request.params.tenant, request), op);
  const base = "/api/v1/public/:tenant/tickets/:token/notices";

  app.get(
    base,
    {
      config: { access: { public: true } },
      schema: {
        tags: ["public"],
        summary: "Turn-near notices: the channels offered and what this ticket asked for",
        params: publicTicketParams,
        response: { 200: turnNoticeOptionsSchema },
      },
    },
    async (request) =>
      run(request, (ctx) => turnNoticeOptions(ctx, { token: request.params.token, channels })),
  );

  app.post(
    base,
    {
      config: { access: { public: true } },
      schema: {
        tags: ["public"],
        summary: "Ask to be told when the turn is near (the address is kept until it is sent)",
        params: publicTicketParams,
        body: turnNoticeBody,
        response: { 200: turnNoticeOptionsSchema },
      },
    },
    async (request) => {
      if (!(await byAddress.hit(request.ip, request.params.tenant)))
        throw new DomainError(
          "too_many_requests",
          "too_many_attempts",
          "短時間に多くのお申し込みがありました。しばらくしてからお試しください。",
          "Too many requests in a short time. Try again later.",
        );
      return run(request, (ctx) =>
        requestTurnNotice(ctx, { ...request.body, token: request.params.token, channels }),
      );
    },
  );

  app.delete(
    `${base}/:channel`,
    {
      config: { access: { public: true } },
      schema: {
        tags: ["public"],
        summary: "Stop a turn-near notice; the address is blanked",
        params: turnNoticeChannelParams,
        response: { 200: turnNoticeOptionsSchema },
      },
    },
    async (request) =>
      run(request, (ctx) =>
        withdrawTurnNotice(ctx, {
          token: request.params.token,
          channel: request.params.channel,
          channels,
        }),
      ),
  );
}
