import { addDays } from "../src/calendar/dates.ts";
import { retentionOf as stocktakesRetention } from "../src/cards/store.ts";
import { retentionOf as expensesRetention } from "../src/expenses/store.ts";
import { retentionOf as investigationsRetention } from "../src/investigations/store.ts";
import { retentionOf as paymentsRetention } from "../src/payments/store.ts";
import { localDate, now } from "../src/platform/clock.ts";
import type { Database } from "../src/platform/db/index.ts";
import { retentionOf as reportsRetention } from "../src/reports/store.ts";
import { type Output, parse, UsageError } from "./commands.ts";

/** The kinds of kept records (仕様 14), each with the domain's own count of them. */
const KEPT = [
  { kind: "reports", ja: "日次報告書・月次業務完了報告書", of: reportsRetention },
  { kind: "payment_claims", ja: "請求書（委託料の請求）", of: paymentsRetention },
  { kind: "investigations", ja: "調査依頼と回答", of: investigationsRetention },
  { kind: "expense_entries", ja: "帳簿（経費の記帳）", of: expensesRetention },
  { kind: "card_stocktakes", ja: "カードの棚卸記録", of: stocktakesRetention },
] as const;

/**
 * `madoguchi retention report`: what is kept until when, and what falls due within a horizon
 * (default a year) — the records that may then be deleted, and not a day before.
 */
export async function retentionCommand(
  database: Database,
  argv: string[],
  io: Output,
): Promise<number> {
  const { values, positionals } = parse(argv, {
    tenant: { type: "string" },
    within: { type: "string" },
    json: { type: "boolean" },
  });
  const within = typeof values.within === "string" ? Number(values.within) : 365;
  if (positionals[0] !== "report" || !Number.isInteger(within) || within < 0)
    throw new UsageError("usage: madoguchi retention report [--tenant T] [--within DAYS] [--json]");
  const tenant = typeof values.tenant === "string" ? values.tenant : undefined;
  const today = localDate(now());
  const horizon = addDays(today, within);
  const rows = [];
  for (const kept of KEPT)
    for (const r of await kept.of(database.db, tenant))
      rows.push({
        kind: kept.kind,
        label: kept.ja,
        ...r,
        due: r.retainUntil <= horizon,
        deletable: r.retainUntil < today,
      });
  const dueRows = rows.filter((r) => r.due);
  if (values.json) {
    io.out(JSON.stringify({ today, horizon, kept: rows, due: dueRows }, null, 2));
    return 0;
  }
  io.out(`保存期限 / retention (${today}; due by ${horizon})`);
  for (const r of rows)
    io.out(
      `  ${r.tenantId}  ${r.label}: ${r.count} kept until ${r.retainUntil}${r.deletable ? " — may be deleted" : r.due ? " — falls due" : ""}`,
    );
  if (rows.length === 0) io.out("  nothing kept yet");
  io.out(`${dueRows.reduce((s, r) => s + r.count, 0)} record(s) fall due by ${horizon}`);
  return 0;
}
