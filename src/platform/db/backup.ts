import fs from "node:fs";
import readline from "node:readline";
import { sql } from "drizzle-orm";
import { type Actor, auditContext, systemActor } from "../actor.ts";
import { auditedTenants, recordAudit, verifyAuditChain } from "../audit/store.ts";
import { now } from "../clock.ts";
import { countTenants } from "../tenancy/store.ts";
import { type Database, type Executor, queryRows, transaction } from "./index.ts";

/**
 * A logical backup: one JSON line of header, then lines of rows per table, each row as the
 * database itself renders it (row_to_json) and restored by the database (json_populate_recordset).
 * So the same file restores into PGlite or PostgreSQL, at the same migration level.
 */
export const BACKUP_FORMAT = "madoguchi-backup";
const BATCH = 2000;

interface Header {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  migrations: number;
  tables: string[];
}

const ident = (name: string) => sql.raw(`"${name.replaceAll('"', '""')}"`);

async function tableNames(db: Executor): Promise<string[]> {
  const rows = await queryRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  return rows.map((r) => r.table_name);
}

async function primaryKey(db: Executor, table: string): Promise<string[]> {
  const rows = await queryRows<{ attname: string }>(
    db,
    sql`select a.attname from pg_index i
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indrelid = ${`public."${table}"`}::regclass and i.indisprimary
        order by array_position(i.indkey, a.attnum)`,
  );
  return rows.map((r) => r.attname);
}

async function migrationCount(db: Executor): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return rows[0]?.n ?? 0;
}

export async function writeBackup(
  database: Database,
  file: string,
  actor = "cli",
): Promise<{ tables: number; rows: number }> {
  const tmp = `${file}.partial`;
  const out = fs.createWriteStream(tmp, { encoding: "utf8" });
  const write = (line: string) =>
    new Promise<void>((resolve, reject) =>
      out.write(`${line}\n`, (e) => (e ? reject(e) : resolve())),
    );
  let rowCount = 0;
  const tables = await database.db.transaction(
    async (tx) => {
      const names = await tableNames(tx);
      const header: Header = {
        format: BACKUP_FORMAT,
        version: 1,
        createdAt: now().toISOString(),
        migrations: await migrationCount(tx),
        tables: names,
      };
      await write(JSON.stringify(header));
      for (const table of names) {
        const order = sql.join((await primaryKey(tx, table)).map(ident), sql`, `);
        for (let offset = 0; ; offset += BATCH) {
          const [batch] = await queryRows<{ rows: unknown[] }>(
            tx,
            sql`select coalesce(json_agg(t), '[]'::json) as rows from (select * from ${ident(table)} order by ${order} limit ${BATCH} offset ${offset}) t`,
          );
          const rows = batch?.rows ?? [];
          if (rows.length > 0) await write(JSON.stringify({ table, rows }));
          rowCount += rows.length;
          if (rows.length < BATCH) break;
        }
      }
      return names.length;
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
  const fd = fs.openSync(tmp, "r");
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
  await auditEachTenant(database, actor, "backup.create", { file, rows: rowCount });
  return { tables, rows: rowCount };
}

async function auditEachTenant(database: Database, actor: string, action: string, change: unknown) {
  for (const tenantId of await auditedTenants(database.db)) {
    const who: Actor = systemActor(tenantId, actor);
    await transaction(database.db, (tx) =>
      recordAudit(tx, auditContext(who), { action, entity: "database", change }),
    );
  }
}

export class RestoreError extends Error {
  override name = "RestoreError";
}

/** Restores into an empty, migrated database, in one transaction: all of it or nothing. */
export async function restoreBackup(
  database: Database,
  file: string,
  actor = "cli",
): Promise<{ rows: number }> {
  const lines = readline.createInterface({
    input: fs.createReadStream(file, { encoding: "utf8" }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = first.done ? undefined : (JSON.parse(first.value) as Header);
  if (header?.format !== BACKUP_FORMAT) throw new RestoreError(`${file} is not a madoguchi backup`);
  if ((await countTenants(database.db)) > 0) {
    throw new RestoreError(
      "復元先のデータベースが空ではありません / the target database is not empty",
    );
  }
  const level = await migrationCount(database.db);
  if (header.migrations !== level) {
    throw new RestoreError(
      `the backup is at migration ${header.migrations}, this database at ${level}: restore with the same version of madoguchi`,
    );
  }
  let rows = 0;
  await transaction(database.db, async (tx) => {
    const known = new Set(await tableNames(tx));
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (!next.value.trim()) continue;
      const chunk = JSON.parse(next.value) as { table: string; rows: unknown[] };
      if (!known.has(chunk.table))
        throw new RestoreError(`unknown table in backup: ${chunk.table}`);
      await tx.execute(
        sql`insert into ${ident(chunk.table)} select * from json_populate_recordset(null::${ident(chunk.table)}, ${JSON.stringify(chunk.rows)}::json)`,
      );
      rows += chunk.rows.length;
    }
  });
  for (const tenantId of await auditedTenants(database.db)) {
    const result = await verifyAuditChain(database.db, tenantId);
    if (!result.ok)
      throw new RestoreError(
        `restored audit chain of ${tenantId} is broken at ${result.brokenAtSeq}`,
      );
  }
  await auditEachTenant(database, actor, "backup.restore", { file, rows });
  return { rows };
}
