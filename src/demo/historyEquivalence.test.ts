import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { buildTenant } from "../../test/factories.ts";
import { changeDigest } from "../platform/audit/chain.ts";
import { verifyAuditChain } from "../platform/audit/store.ts";
import { type Database, queryRows, transaction } from "../platform/db/index.ts";
import { runOperation } from "../platform/operation.ts";
import { dailyReport, monthlyReport } from "../reports/reports.ts";
import { makeHistory } from "./history.ts";
import { historyStaff } from "./historyStaff.ts";
import { seedDemoRoster } from "./roster.ts";

/**
 * The bulk history is the operations' history: some weeks made both ways from the same seed, in
 * two tenants of one database (the operations path, the reference, in one; bulk in the other),
 * then every table those steps write compared row by row. Generated ids are replaced by the
 * natural key of what they name (a ticket by its day and number, a card by its notice, a person
 * by their name); tokens, codes and hashes, drawn at random, are set aside; everything else,
 * every instant, estimate and audit event in its place in the chain, must be equal.
 */
type Row = Record<string, unknown>;

let database: Database;
const tenants = { operations: "", bulk: "" };
/** Across the planning evening (the 15th: April planned from March's records) into April. */
const WEEKS = { from: "2026-03-13", to: "2026-04-01" };
const SEED = 4242;

beforeAll(async () => {
  database = await createTestDatabase();
  for (const path of ["operations", "bulk"] as const) {
    const tenantId = (await buildTenant(database)).tenantId;
    await transaction(database.db, (tx) => seedDemoRoster(tx, tenantId, new Map()));
    tenants[path] = tenantId;
  }
}, 60_000);
afterAll(async () => {
  await database.close();
});

const rowsOf = (table: string, tenantId: string) =>
  queryRows<Row>(
    database.db,
    sql`select * from ${sql.identifier(table)} where tenant_id = ${tenantId}`,
  );

/** Every generated id of a tenant, with the natural key of what it names. */
async function naturalKeys(tenantId: string): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : String(d));
  for (const u of await rowsOf("users", tenantId))
    keys.set(String(u.user_id), `user:${u.username}`);
  for (const p of await rowsOf("roster_people", tenantId))
    keys.set(String(p.person_id), `person:${p.name_kanji}`);
  for (const t of await rowsOf("tickets", tenantId))
    keys.set(String(t.ticket_id), `ticket:${t.service_day}/${t.display_number}`);
  for (const s of await rowsOf("counter_sessions", tenantId))
    keys.set(String(s.session_id), `session:${s.counter_id}@${iso(s.opened_at)}`);
  for (const b of await rowsOf("card_batches", tenantId))
    keys.set(String(b.batch_id), `batch:${b.delivered_on}@${iso(b.received_at)}`);
  for (const c of await rowsOf("cards", tenantId))
    keys.set(String(c.card_id), `card:${c.notice_ref}`);
  for (const r of await rowsOf("reservations", tenantId))
    keys.set(String(r.reservation_id), `reservation:${iso(r.slot_start)}/${r.phone}`);
  for (const p of await rowsOf("staffing_plans", tenantId))
    keys.set(String(p.plan_id), `plan:${p.month}@${iso(p.created_at)}`);
  for (const s of await rowsOf("roster_shifts", tenantId))
    keys.set(String(s.shift_id), `shift:${keys.get(String(s.person_id))}/${s.day}/${s.start_time}`);
  for (const r of await rowsOf("service_records", tenantId))
    keys.set(
      String(r.record_id),
      `record:${r.ticket_id ? keys.get(String(r.ticket_id)) : "phone"}/${r.procedure_code}@${iso(r.started_at)}`,
    );
  for (const r of await rowsOf("reports", tenantId))
    keys.set(String(r.report_id), `report:${r.kind}/${r.period}/${r.version}`);
  for (const e of await rowsOf("expense_entries", tenantId))
    keys.set(String(e.entry_id), `expense:${e.month}/${e.description}@${iso(e.recorded_at)}`);
  for (const e of await rowsOf("card_events", tenantId))
    keys.set(String(e.event_id), `card_event:${keys.get(String(e.card_id))}/${e.action}`);
  return keys;
}

/** Set aside: the tenant, what is drawn at random, and the chain's hashes (they cover the ids). */
const ASIDE = new Set([
  "tenant_id",
  "status_token",
  "manage_token",
  "code",
  "prev_hash",
  "hash",
  "password_hash",
]);
/**
 * Stamped by the real clock, not the history's: the demo roster's own shifts (when it was
 * seeded), and the contact data's purge once the history is made (its audit event's time too).
 */
const ASIDE_IN: Record<string, string[]> = {
  roster_shifts: ["created_at"],
  reservations: ["purged_at"],
};
const realClock = (name: string, row: Row) =>
  name === "audit_events" && row.action === "reservation.purge";

function normalise(value: unknown, keys: Map<string, string>): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") return keys.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => normalise(v, keys));
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value as Row).map(([k, v]) => [k, normalise(v, keys)]),
    );
  return value;
}

async function table(name: string, tenantId: string, keys: Map<string, string>, order?: string) {
  const rows = (await rowsOf(name, tenantId)).map((row) => {
    const out: Row = {};
    for (const [k, v] of Object.entries(row))
      if (!ASIDE.has(k) && !ASIDE_IN[name]?.includes(k)) out[k] = normalise(v, keys);
    if (realClock(name, row)) {
      delete out.at;
      delete out.digest;
    }
    if (name === "reservations") out.purged = row.purged_at !== null;
    return out;
  });
  const key = (r: Row) => (order ? String(r[order]).padStart(12, "0") : JSON.stringify(r));
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Audit changes that carry a generated id: their digest is checked against the tenant's own rows. */
const DIGEST_OF_IDS = new Set([
  "reservation.check_in",
  "roster.person.link",
  "roster.shift.add",
  "roster.shift.remove",
]);

describe("the demo history in bulk", () => {
  it("writes row for row what the operations write, audit chain included", async () => {
    const made: Record<string, Awaited<ReturnType<typeof makeHistory>>> = {};
    // The tenants' own set-up comes before: only what the history writes is compared.
    const before: Record<string, number> = {};
    for (const path of ["operations", "bulk"] as const) {
      before[tenants[path]] = (await rowsOf("audit_events", tenants[path])).length;
      made[path] = await makeHistory(database, tenants[path], { ...WEEKS, seed: SEED, path });
    }
    expect(made.bulk!.tickets).toBeGreaterThan(1500);
    expect(made.bulk!.plans).toBe(2);
    expect(made.bulk!.reservations).toBeGreaterThan(20);
    const { ms: _a, rows: _r, ...operations } = made.operations!;
    const { ms: _b, rows: written, ...bulk } = made.bulk!;
    expect(bulk).toEqual(operations);
    expect(written).toBeGreaterThan(5000);

    const keys = {
      operations: await naturalKeys(tenants.operations),
      bulk: await naturalKeys(tenants.bulk),
    };
    const tables: [string, string?][] = [
      ["tickets"],
      ["ticket_numbers"],
      ["counter_sessions"],
      ["service_records"],
      ["card_batches"],
      ["cards"],
      ["card_events"],
      ["reservations"],
      ["slot_counts"],
      ["roster_shifts"],
      ["reports"],
      ["expense_entries"],
      ["audit_events", "seq"],
    ];
    for (const [name, order] of tables) {
      const [a, b] = [
        await table(name, tenants.operations, keys.operations, order),
        await table(name, tenants.bulk, keys.bulk, order),
      ];
      if (name === "audit_events")
        for (const [rows, tenantId] of [
          [a, tenants.operations],
          [b, tenants.bulk],
        ] as const) {
          rows.splice(0, before[tenantId]);
          for (const r of rows) {
            r.seq = Number(r.seq) - before[tenantId]!;
            if (DIGEST_OF_IDS.has(String(r.action))) r.digest = "(own ids)";
          }
        }
      expect(b.length, name).toBe(a.length);
      expect(a.length, `${name} has rows`).toBeGreaterThan(0);
      const first = a.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(b[i]));
      if (process.env.DIAG && first >= 0) {
        const diff = new Map<string, number>();
        a.forEach((row, i) => {
          if (JSON.stringify(row) !== JSON.stringify(b[i])) {
            const k = `${row.action ?? ""} ${Object.keys(row)
              .filter((c) => JSON.stringify(row[c]) !== JSON.stringify(b[i]![c]))
              .join(",")}`;
            diff.set(k, (diff.get(k) ?? 0) + 1);
          }
        });
        console.log(name, [...diff]);
      }
      expect({ table: name, row: b[first] }, `first difference in ${name}`).toEqual({
        table: name,
        row: a[first],
      });
    }
    // A check-in's change names its ticket: each tenant's digest is of its own ticket's id.
    for (const tenantId of [tenants.operations, tenants.bulk]) {
      const tickets = new Map(
        (await rowsOf("reservations", tenantId)).map((r) => [r.reservation_id, r.ticket_id]),
      );
      const checkIns = (await rowsOf("audit_events", tenantId)).filter(
        (e) => e.action === "reservation.check_in",
      );
      expect(checkIns.length).toBeGreaterThan(10);
      for (const e of checkIns)
        expect(e.digest).toBe(changeDigest({ ticketId: tickets.get(e.entity_id) }));
      expect(await verifyAuditChain(database.db, tenantId)).toMatchObject({ ok: true });
    }
  }, 240_000);

  it("gives the same daily and monthly report figures", async () => {
    const figures = async (tenantId: string) => {
      const { lead } = await historyStaff(database, tenantId);
      return runOperation(database.db, lead, async (ctx) => {
        const days = [];
        for (let d = 13; d <= 31; d++)
          days.push((await dailyReport(ctx, { date: `2026-03-${d}` })).draft);
        return { days, month: (await monthlyReport(ctx, { month: "2026-03" })).draft };
      });
    };
    const a = await figures(tenants.operations);
    const b = await figures(tenants.bulk);
    expect(a.days.filter(Boolean).length).toBe(12);
    expect(b).toEqual(a);
  }, 60_000);
});
