import { getTableColumns, getTableName, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "./index.ts";

/**
 * Many rows in one statement each few thousand: the rows travel as one JSON parameter and the
 * database turns it into rows of the table's own type (json_populate_recordset), so a month of
 * the demo's history is written in seconds where row-by-row inserts with a parameter per field
 * took minutes (the query builder and the parser both grow with every parameter). The same SQL
 * runs on PGlite and PostgreSQL, and the table's own defaults, types and constraints apply.
 */
const ROWS_PER_STATEMENT = 4000;

/** A JS value as the JSON the database reads back into the column's type. */
function jsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value === undefined ? null : value;
}

function columnsOf(table: PgTable, keys: readonly string[]) {
  const columns = getTableColumns(table);
  return keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    return { key, name: column.name };
  });
}

function asJson(
  rows: readonly Record<string, unknown>[],
  columns: { key: string; name: string }[],
) {
  return JSON.stringify(
    rows.map((row) => Object.fromEntries(columns.map((c) => [c.name, jsonValue(row[c.key])]))),
  );
}

const list = (names: string[]) => sql.raw(names.map((n) => `"${n}"`).join(", "));

/** Inserts the rows (objects keyed like the table's Drizzle columns), a few thousand a statement. */
export async function bulkInsert<T extends PgTable>(
  ex: Executor,
  table: T,
  rows: readonly T["$inferInsert"][],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = columnsOf(table, Object.keys(rows[0]!));
  const names = columns.map((c) => c.name);
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const json = asJson(
      rows.slice(i, i + ROWS_PER_STATEMENT) as Record<string, unknown>[],
      columns,
    );
    await ex.execute(
      sql`insert into ${table} (${list(names)}) select ${list(names)} from json_populate_recordset(null::${table}, ${json}::json)`,
    );
  }
}

/**
 * Updates rows found by their key columns, setting the other given columns: the same row-typed
 * JSON, joined on the key (for rows written by an earlier month and changed by this one).
 */
export async function bulkUpdate<T extends PgTable>(
  ex: Executor,
  table: T,
  keys: readonly (keyof T["$inferSelect"] & string)[],
  rows: readonly Partial<T["$inferSelect"]>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = columnsOf(table, Object.keys(rows[0]!));
  const keyNames = new Set(columnsOf(table, keys).map((c) => c.name));
  const set: SQL = sql.raw(
    columns
      .filter((c) => !keyNames.has(c.name))
      .map((c) => `"${c.name}" = v."${c.name}"`)
      .join(", "),
  );
  const on: SQL = sql.raw(
    [...keyNames].map((n) => `${getTableName(table)}."${n}" = v."${n}"`).join(" and "),
  );
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const json = asJson(
      rows.slice(i, i + ROWS_PER_STATEMENT) as Record<string, unknown>[],
      columns,
    );
    await ex.execute(
      sql`update ${table} set ${set} from json_populate_recordset(null::${table}, ${json}::json) v where ${on}`,
    );
  }
}
