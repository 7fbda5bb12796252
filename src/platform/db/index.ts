import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { listenForEvents } from "../events/listener.ts";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: store functions accept both. */
export type Executor = Db | Tx;

export type DatabaseKind = "pglite" | "postgres";

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** Where it lives, without credentials: a folder, "memory", or host/database. */
  location: string;
  migrate(): Promise<void>;
  ping(): Promise<void>;
  /**
   * Starts this process's share of the events between processes (events/listener.ts): a LISTEN
   * connection on PostgreSQL; nothing on PGlite, whose one process hands events over in memory.
   */
  listen(): Promise<void>;
  /**
   * Runs work while no other process runs its own (a session advisory lock on PostgreSQL, held
   * on a connection of its own): server processes starting together on one empty database take
   * turns to migrate and seed it. PGlite has one process by design and needs none.
   */
  exclusively<T>(name: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../migrations",
);

export interface OpenOptions {
  /** postgres://… — a real PostgreSQL server. */
  url?: string;
  /** A PGlite data folder; omitted (with no url) means an in-memory database. */
  dataDir?: string;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.url
    ? openPostgres(options.url, options.poolSize ?? 20)
    : openPglite(options.dataDir);
}

/** Databases that run one transaction at a time (PGlite): a second connection would wait forever. */
const SINGLE_CONNECTION = new WeakSet<Db>();
export const runsOneTransactionAtATime = (db: Db) => SINGLE_CONNECTION.has(db);

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const client = await PGlite.create(dataDir ? { dataDir } : {});
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  SINGLE_CONNECTION.add(db);
  return {
    kind: "pglite",
    db,
    location: dataDir ?? "memory",
    migrate: async () => {
      await migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR });
    },
    ping: async () => {
      await client.query("select 1");
    },
    listen: async () => {},
    exclusively: (_name, work) => work(),
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

/**
 * A few connections of their own for statements that commit apart from the operation running
 * them (`ctx.autonomous`: ticket numbers). From the main pool they could deadlock it: with every
 * connection held by an open transaction, each waiting for one more.
 */
const AUTONOMOUS = new WeakMap<Db, Db>();
export const autonomousDb = (db: Db): Db | undefined => AUTONOMOUS.get(db);

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const sidePool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on("error", () => {});
  sidePool.on("error", () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  AUTONOMOUS.set(db, drizzlePg(sidePool, { schema }) as unknown as Db);
  const parsed = new URL(url);
  let listener: ReturnType<typeof listenForEvents> | undefined;
  return {
    kind: "postgres",
    db,
    location: `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`,
    migrate: async () => {
      await migratePg(db as never, { migrationsFolder: MIGRATIONS_DIR });
    },
    ping: async () => {
      await pool.query("select 1");
    },
    listen: async () => {
      listener ??= listenForEvents(url);
      await listener.ready;
    },
    exclusively: async (name, work) => {
      const client = await sidePool.connect();
      try {
        await client.query("select pg_advisory_lock(hashtext($1))", [`madoguchi:${name}`]);
        try {
          return await work();
        } finally {
          await client.query("select pg_advisory_unlock(hashtext($1))", [`madoguchi:${name}`]);
        }
      } finally {
        client.release();
      }
    },
    close: async () => {
      await listener?.close();
      await Promise.all([pool.end(), sidePool.end()]);
    },
  };
}

const RETRYABLE = new Set(["40001", "40P01"]);

function sqlState(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === "23505";
}

/**
 * The one transaction helper. A serialisation failure or deadlock is retried a few times: the
 * database decided, and the retry re-reads everything, so no stale check survives.
 */
export async function transaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (attempt >= 5 || !RETRYABLE.has(sqlState(error) ?? "")) throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * 5 + Math.random() * 10));
    }
  }
}

/** Raw SQL for what the query builder does not say well; both drivers answer with `rows`. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
