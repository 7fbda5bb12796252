import type { FastifyRequest } from "fastify";
import type { Actor } from "../actor.ts";
import type { Permission } from "../auth/permissions.ts";
import type { Session } from "../auth/sessions.ts";
import type { User } from "../auth/users.ts";
import type { Db } from "../db/index.ts";
import { DomainError } from "../errors.ts";
import { type Ctx, runOperation } from "../operation.ts";

/** What a route declares about who may call it; checked by the guard before anything else. */
export type Access =
  | { public: true }
  | {
      permission: Permission;
      /** Reachable while the session must still enrol a second factor. */
      allowRestricted?: boolean;
    };

export interface AuthState {
  session: Session;
  user: User;
  /** The tenant this request acts in. */
  tenantId: string;
}

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    auth: AuthState | undefined;
  }
}

/** The signed-in user as the acting party of domain operations. */
export function actorOf(request: FastifyRequest): Actor {
  const auth = request.auth;
  if (!auth) {
    throw new DomainError(
      "unauthenticated",
      "unauthenticated",
      "サインインしてください。",
      "Please sign in.",
    );
  }
  return {
    tenantId: auth.tenantId,
    userId: auth.user.userId,
    role: auth.user.role,
    displayName: auth.user.displayName,
    requestId: request.id,
    clientIp: request.ip,
  };
}

export function authOf(request: FastifyRequest): AuthState {
  actorOf(request);
  return request.auth!;
}

/**
 * What a route handler does with a request: runs one operation in one transaction as the signed-in
 * user. Handlers stay thin: validate (by schema), run, shape the answer.
 */
export function operationRunner(db: Db) {
  return <T>(request: FastifyRequest, operation: (ctx: Ctx) => Promise<T>): Promise<T> =>
    runOperation(db, actorOf(request), operation);
}

/** A citizen on the public pages: acts, without an account, in the tenant the path names. */
export function citizenActor(tenantId: string, request: FastifyRequest): Actor {
  return {
    tenantId,
    userId: "citizen",
    role: "citizen",
    requestId: request.id,
    clientIp: request.ip,
  };
}
