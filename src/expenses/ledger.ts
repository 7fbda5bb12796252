import { localDate, now } from "../platform/clock.ts";
import { newId } from "../platform/ids.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { retainUntil, retentionDeadline } from "../platform/retention.ts";
import { findTenant } from "../platform/tenancy/store.ts";
import { monthRange } from "../reports/sources.ts";
import { hoursWorked } from "../roster/duty.ts";
import { DEFAULT_RATES, type EXPENSE_CATEGORIES, type LedgerOut } from "./contract.ts";
import { entriesOf, findRates, insertEntry, saveRates } from "./store.ts";

/**
 * 帳簿 (仕様 14): how the fee was spent, month by month — the staff's hours on the roster's
 * shifts times the hourly cost of their employment type, and the entries for consumables,
 * repairs and the rest — kept five years after the contract's last fiscal year.
 */

export async function expenseRatesOf(ctx: Ctx): Promise<Record<string, number>> {
  requireAccess(ctx, "expense.read");
  return (await findRates(ctx.tx, ctx.tenantId))?.rates ?? DEFAULT_RATES;
}

export async function updateExpenseRates(ctx: Ctx, rates: Record<string, number>) {
  requireAccess(ctx, "expense.write");
  await saveRates(ctx.tx, {
    tenantId: ctx.tenantId,
    rates,
    updatedBy: ctx.actor.userId,
    updatedAt: now(),
  });
  await audit(ctx, { action: "expense.rates_update", entity: "expense_rates", change: rates });
  return rates;
}

export async function expenseLedger(ctx: Ctx, { month }: { month: string }): Promise<LedgerOut> {
  requireAccess(ctx, "expense.read");
  const rates = await expenseRatesOf(ctx);
  const staff = (await hoursWorked(ctx, monthRange(month)))
    .map((p) => {
      const rate = rates[p.employment] ?? 0;
      return {
        ...p,
        hours: Math.round(p.hours * 100) / 100,
        rate,
        amount: Math.round(p.hours * rate),
      };
    })
    .sort((a, b) => b.hours - a.hours || a.name.localeCompare(b.name));
  const entries = (await entriesOf(ctx.tx, ctx.tenantId, month)).map((e) => ({
    entryId: e.entryId,
    category: e.category as (typeof EXPENSE_CATEGORIES)[number],
    description: e.description,
    amount: e.amount,
    recordedAt: e.recordedAt.toISOString(),
    recordedByName: e.recordedByName,
  }));
  const staffTotal = staff.reduce((s, p) => s + p.amount, 0);
  const entriesTotal = entries.reduce((s, e) => s + e.amount, 0);
  const tenant = await findTenant(ctx.tx, ctx.tenantId);
  return {
    month,
    rates,
    staff,
    entries,
    staffTotal,
    entriesTotal,
    total: staffTotal + entriesTotal,
    retainUntil: retentionDeadline(
      monthRange(month).to,
      tenant?.contractEnd ?? monthRange(month).to,
    ),
  };
}

/** An entry of the books; corrections are further entries, never edits. */
export interface EntryProps {
  month: string;
  category: (typeof EXPENSE_CATEGORIES)[number];
  description: string;
  amount: number;
}

export async function recordExpense(ctx: Ctx, props: EntryProps) {
  requireAccess(ctx, "expense.write");
  const entryId = newId();
  await insertEntry(ctx.tx, {
    tenantId: ctx.tenantId,
    entryId,
    ...props,
    recordedAt: now(),
    recordedBy: ctx.actor.userId,
    recordedByName: ctx.actor.displayName ?? ctx.actor.userId,
    retainUntil: await retainUntil(ctx.tx, ctx.tenantId, localDate(now())),
  });
  await audit(ctx, {
    action: "expense.record",
    entity: "expense_entry",
    entityId: entryId,
    change: props,
  });
  return expenseLedger(ctx, { month: props.month });
}
