import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "../config.ts";
import type { Database } from "../db/index.ts";

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What every domain's routes get: the database and the configuration. */
export interface RouteDeps {
  database: Database;
  config: Config;
}

export const errorSchema = z
  .object({ code: z.string(), message: z.string(), messageEn: z.string() })
  .passthrough();

export const okSchema = z.object({ ok: z.literal(true) });

/** A 200 answer that is a file or a stream, documented with its media type. */
export const fileResponse = (mediaType: string, description: string) => ({
  200: { description, content: { [mediaType]: { schema: z.string() } } },
});
