import { z } from "zod";
import { operationRunner } from "../http/context.ts";
import { type App, okSchema, type RouteDeps } from "../http/types.ts";
import {
  createUser,
  listUsers,
  publicUser,
  resetPassword,
  resetTotp,
  unlockUser,
} from "./accounts.ts";
import { newUserBody, userSchema } from "./contract.ts";

const userIdParams = z.object({ userId: z.string().uuid() });

export async function userRoutes(app: App, { database }: RouteDeps) {
  const run = operationRunner(database.db);

  app.get(
    "/api/v1/users",
    {
      config: { access: { permission: "users.read" } },
      schema: {
        tags: ["users"],
        summary: "Users of the tenant",
        response: { 200: z.array(userSchema) },
      },
    },
    async (request) => (await run(request, listUsers)).map(publicUser),
  );

  app.post(
    "/api/v1/users",
    {
      config: { access: { permission: "users.write" } },
      schema: {
        tags: ["users"],
        summary: "Create a user",
        body: newUserBody,
        response: { 201: userSchema },
      },
    },
    async (request, reply) => {
      const user = await run(request, (ctx) => createUser(ctx, request.body));
      return reply.status(201).send(publicUser(user));
    },
  );

  app.post(
    "/api/v1/users/:userId/password",
    {
      config: { access: { permission: "users.write" } },
      schema: {
        tags: ["users"],
        summary: "Reset a user's password",
        params: userIdParams,
        body: z.object({ password: z.string().max(1000) }),
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await run(request, (ctx) =>
        resetPassword(ctx, { userId: request.params.userId, password: request.body.password }),
      );
      return { ok: true as const };
    },
  );

  app.post(
    "/api/v1/users/:userId/unlock",
    {
      config: { access: { permission: "users.write" } },
      schema: {
        tags: ["users"],
        summary: "Lift a sign-in lockout",
        params: userIdParams,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await run(request, (ctx) => unlockUser(ctx, request.params));
      return { ok: true as const };
    },
  );

  app.post(
    "/api/v1/users/:userId/totp/reset",
    {
      config: { access: { permission: "users.write" } },
      schema: {
        tags: ["users"],
        summary: "Remove someone's lost second factor (audited; they are told at next sign-in)",
        params: userIdParams,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await run(request, (ctx) => resetTotp(ctx, request.params));
      return { ok: true as const };
    },
  );
}
