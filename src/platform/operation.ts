import { type Actor, auditContext } from "./actor.ts";
import { type AuditEntry, pendingAudit, recordAudit } from "./audit/store.ts";
import { can, type Permission } from "./auth/permissions.ts";
import {
  autonomousDb,
  type Db,
  type Executor,
  isUniqueViolation,
  type Tx,
  transaction,
} from "./db/index.ts";
import { DomainError } from "./errors.ts";
import type { Topic } from "./events/bus.ts";
import { emitIn } from "./events/emit.ts";
import { TrailingWrites } from "./events/writes.ts";

/**
 * What every operation receives: the request's one transaction, who acts, in which tenant, and a
 * place to leave work for after the commit (live events, cache drops, mail wake-ups), so nothing
 * is announced for a write that rolls back. Operations compose by passing the same context on:
 * a check-in issues its ticket inside the check-in's transaction.
 */
export interface Ctx {
  readonly tx: Tx;
  readonly actor: Actor;
  readonly tenantId: string;
  /** Runs once the transaction has committed; never after a rollback. */
  afterCommit(hook: () => unknown): void;
  /**
   * A statement that commits on its own, outside this transaction, so a hot counter row is not
   * locked until the whole operation commits (ticket numbers: decision 0004). On PostgreSQL it runs
   * on a small pool of its own; on PGlite, which runs one transaction at a time, inside this one.
   */
  autonomous<T>(work: (executor: Executor) => Promise<T>): Promise<T>;
  /**
   * Tells every server process of this write once it commits (events/bus.ts): live views
   * refresh, caches drop. Nothing is told of a write that rolls back.
   */
  emit(topic: Topic, event?: Record<string, unknown>): Promise<void>;
}

/**
 * The one runner: opens the transaction, runs the operation, commits, then runs the after-commit
 * hooks. A serialisation failure retries the whole operation with fresh hooks, so a retried
 * attempt never announces twice.
 */
export async function runOperation<T>(
  db: Db,
  actor: Actor,
  operation: (ctx: Ctx) => Promise<T>,
): Promise<T> {
  let hooks: (() => unknown)[] = [];
  const result = await transaction(db, async (tx) => {
    hooks = [];
    const trailing = new TrailingWrites();
    const ctx: Ctx = {
      tx,
      actor,
      tenantId: actor.tenantId,
      afterCommit: (hook) => {
        hooks.push(hook);
      },
      autonomous: (work) => work(autonomousDb(db) ?? tx),
      emit: (topic, event = {}) =>
        emitIn(db, trailing, (hook) => hooks.push(hook), {
          topic,
          tenantId: actor.tenantId,
          event,
        }),
    };
    TRAILING.set(ctx, trailing);
    const value = await operation(ctx);
    await trailing.flush(tx);
    return value;
  });
  for (const hook of hooks) {
    try {
      await hook();
    } catch {
      // The write has committed; a failed announcement must not turn it into an error. Live views
      // reload on the next event, and caches age out by themselves.
    }
  }
  return result;
}

/**
 * Runs a write in a savepoint and turns a unique violation into the refusal given: the database
 * decides the race (two quick clicks, two processes), the transaction stays usable, and the loser
 * gets a clear 409 instead of an aborted transaction.
 */
export async function uniquely<T>(
  ctx: Ctx,
  write: (tx: Tx) => Promise<T>,
  taken: () => Error | Promise<Error>,
): Promise<T> {
  try {
    return await ctx.tx.transaction(write);
  } catch (error) {
    if (isUniqueViolation(error)) throw await taken();
    throw error;
  }
}

/** Audit rows and notifications each context sends at the end of its operation (writes.ts). */
const TRAILING = new WeakMap<Ctx, TrailingWrites>();

/**
 * Appends the operation's audit event to the tenant's chain, inside its transaction: written with
 * the operation's other trailing writes once its work is done, or at once for a context made
 * elsewhere.
 */
export async function audit(ctx: Ctx, entry: AuditEntry): Promise<void> {
  const trailing = TRAILING.get(ctx);
  if (trailing) trailing.audits.push(pendingAudit(auditContext(ctx.actor), entry));
  else await recordAudit(ctx.tx, auditContext(ctx.actor), entry);
}

/** Whether the actor's role holds a permission: for operations whose rule depends on it. */
export function mayAct(ctx: Ctx, permission: Permission): boolean {
  return can(ctx.actor.role, permission);
}

/** What an operation touches, when that narrows who may act: its tenant, its owner. */
export interface Resource {
  tenantId?: string | undefined;
  /** The user the resource belongs to (a counter session, a request); others need `otherwise`. */
  ownerId?: string | null | undefined;
  /** The permission needed to act on a resource owned by someone else. */
  otherwise?: Permission;
}

/**
 * The first line of every operation: the same table that guards the routes also guards the CLI,
 * jobs and calls from other domains. With a resource, it also refuses another tenant's rows and
 * other people's resources unless the role holds the `otherwise` permission.
 */
export function requireAccess(
  ctx: Pick<Ctx, "actor" | "tenantId">,
  permission: Permission,
  resource?: Resource,
): void {
  if (!can(ctx.actor.role, permission)) throw refused();
  if (resource?.tenantId !== undefined && resource.tenantId !== ctx.tenantId) throw refused();
  if (resource?.ownerId !== undefined && resource.ownerId !== null) {
    if (resource.ownerId !== ctx.actor.userId) {
      if (!resource.otherwise || !can(ctx.actor.role, resource.otherwise)) throw refused();
    }
  }
}

const refused = () =>
  new DomainError(
    "forbidden",
    "forbidden",
    "この操作の権限がありません。",
    "Your role may not do this.",
  );

/**
 * Many operations, by several actors, in one transaction: for bulk work that replays what people
 * do (the demo's service history), where one transaction per step would cost more than the
 * steps. Each operation still checks its actor's access and writes its audit events; the
 * after-commit hooks run once everything has committed.
 */
export async function inOneTransaction<T>(
  db: Db,
  work: (ctxFor: (actor: Actor) => Ctx) => Promise<T>,
  options: { quiet?: boolean } = {},
): Promise<T> {
  const hooks: (() => unknown)[] = [];
  const result = await transaction(db, async (tx) => {
    const trailing = new TrailingWrites();
    const value = await work((actor) => {
      const ctx: Ctx = {
        tx,
        actor,
        tenantId: actor.tenantId,
        afterCommit: (hook) => {
          hooks.push(hook);
        },
        // Inside the one transaction: a bulk replay has no concurrent counter to spare a lock for.
        autonomous: (step) => step(tx),
        // A replay of past days (quiet) announces nothing: no live view shows those days.
        emit: async (topic, event = {}) => {
          if (!options.quiet)
            await emitIn(db, trailing, (hook) => hooks.push(hook), {
              topic,
              tenantId: actor.tenantId,
              event,
            });
        },
      };
      TRAILING.set(ctx, trailing);
      return ctx;
    });
    await trailing.flush(tx);
    return value;
  });
  // A replay of past days announces nothing: no live view shows those days.
  if (options.quiet) return result;
  for (const hook of hooks) {
    try {
      await hook();
    } catch {
      // As in runOperation: committed work is not undone by a failed announcement.
    }
  }
  return result;
}

/**
 * An operation's context in a transaction the caller already holds (a bulk write of past days
 * running an operation among its own rows): its audit events go in at once and are chained at
 * commit as ever; nothing is announced (a replay of past days is quiet).
 */
export function contextIn(tx: Tx, actor: Actor): Ctx {
  return {
    tx,
    actor,
    tenantId: actor.tenantId,
    afterCommit: () => {},
    autonomous: (step) => step(tx),
    emit: async () => {},
  };
}
