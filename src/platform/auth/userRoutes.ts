import { z } from "zod";
import { actorOf } from "../http/context.ts";
import { type App, okSchema, type RouteDeps } from "../http/types.ts";
import { createUser, listUsers, publicUser, resetPassword, unlockUser } from "./accounts.ts";
import { ROLES } from "./permissions.ts";
import { userSchema } from "./routes.ts";

const userIdParams = z.object({ userId: z.string().uuid() });

export async function userRoutes(app: App, { database }: RouteDeps) {
  const db = database.db;

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
    async (request) => (await listUsers(db, actorOf(request))).map(publicUser),
  );

  app.post(
    "/api/v1/users",
    {
      config: { access: { permission: "users.write" } },
      schema: {
        tags: ["users"],
        summary: "Create a user",
        body: z.object({
          username: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,39}$/),
          displayName: z.string().min(1).max(100),
          role: z.enum(ROLES),
          password: z.string().max(1000),
        }),
        response: { 201: userSchema },
      },
    },
    async (request, reply) => {
      const user = await createUser(db, actorOf(request), request.body);
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
      await resetPassword(db, actorOf(request), request.params.userId, request.body.password);
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
      await unlockUser(db, actorOf(request), request.params.userId);
      return { ok: true as const };
    },
  );
}
