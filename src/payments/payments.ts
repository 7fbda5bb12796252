import { localDate, now } from "../platform/clock.ts";
import { conflict, notFound, unprocessable } from "../platform/errors.ts";
import { audit, type Ctx, requireAccess, uniquely } from "../platform/operation.ts";
import { retainUntil } from "../platform/retention.ts";
import { acceptedMonthlyReport, reportStatuses } from "../reports/reports.ts";
import { type ContractTerms, paymentAmount } from "./amounts.ts";
import type { PaymentMonth, PaymentOverview } from "./contract.ts";
import {
  type ClaimRow,
  findClaim,
  findTerms,
  insertClaim,
  listClaims,
  markClaimPaid,
  saveTerms,
} from "./store.ts";

/**
 * 委託料 (仕様 13): 11 partial payments and a completion payment, each for a month whose
 * completion report the city has inspected and accepted, at the amount its inspected figures
 * give under the contract's terms; the contractor claims (請求書), the city records the payment.
 */

const completedOf = (totals: Record<string, { completed: number }>) =>
  Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, v.completed]));

async function requireTerms(ctx: Ctx): Promise<ContractTerms> {
  const row = await findTerms(ctx.tx, ctx.tenantId);
  if (!row)
    throw conflict(
      "contract_terms_missing",
      "委託料の算定方法（契約条件）が登録されていません。",
      "The contract's payment terms have not been entered.",
    );
  return row.terms;
}

export async function paymentTerms(ctx: Ctx): Promise<ContractTerms | null> {
  requireAccess(ctx, "payment.read");
  return (await findTerms(ctx.tx, ctx.tenantId))?.terms ?? null;
}

/** The terms as agreed: the months in order, one completion payment, and it last. */
export async function updatePaymentTerms(ctx: Ctx, terms: ContractTerms): Promise<ContractTerms> {
  requireAccess(ctx, "payment.configure");
  const months = terms.schedule.map((s) => s.month);
  const completions = terms.schedule.filter((s) => s.kind === "completion");
  if (
    new Set(months).size !== months.length ||
    months.some((m, i) => i > 0 && m <= months[i - 1]!) ||
    completions.length !== 1 ||
    terms.schedule.at(-1)!.kind !== "completion"
  )
    throw unprocessable(
      "schedule_invalid",
      "支払予定は月の順に重複なく並べ、最後の1回を完了払としてください。",
      "List the payment months in order without repeats, the last one the completion payment.",
    );
  await saveTerms(ctx.tx, {
    tenantId: ctx.tenantId,
    terms,
    updatedBy: ctx.actor.userId,
    updatedAt: now(),
  });
  await audit(ctx, { action: "payment.terms_update", entity: "contract_terms", change: terms });
  return terms;
}

const claimOut = (c: ClaimRow | undefined) => ({
  invoiceNumber: c?.invoiceNumber ?? null,
  claimedAt: c?.claimedAt.toISOString() ?? null,
  claimedByName: c?.claimedByName ?? null,
  paidAt: c?.paidAt?.toISOString() ?? null,
  paidByName: c?.paidByName ?? null,
});

/** Every payment month at a glance: paid, claimed, claimable (with its amount) or pending. */
export async function paymentOverview(ctx: Ctx): Promise<PaymentOverview> {
  requireAccess(ctx, "payment.read");
  const terms = (await findTerms(ctx.tx, ctx.tenantId))?.terms ?? null;
  if (!terms) return { terms: null, months: [], paidTotal: 0, claimedTotal: 0 };
  const claims = new Map((await listClaims(ctx.tx, ctx.tenantId)).map((c) => [c.month, c]));
  const first = terms.schedule[0]!.month;
  const last = terms.schedule.at(-1)!.month;
  const reports = new Map(
    (await reportStatuses(ctx, { kind: "monthly", from: first, to: last })).map((r) => [
      r.period,
      r.status,
    ]),
  );
  const months: PaymentMonth[] = [];
  for (const { month, kind } of terms.schedule) {
    const claim = claims.get(month);
    const reportStatus = reports.get(month) ?? "draft";
    let amount = claim?.amount ?? null;
    if (!claim && reportStatus === "accepted") {
      const accepted = await acceptedMonthlyReport(ctx, { month });
      amount = accepted ? paymentAmount(terms, completedOf(accepted.figures.totals)) : null;
    }
    months.push({
      month,
      kind,
      status: claim?.paidAt
        ? "paid"
        : claim
          ? "claimed"
          : reportStatus === "accepted"
            ? "claimable"
            : "pending",
      reportStatus,
      amount,
      ...claimOut(claim),
    });
  }
  const sum = (list: PaymentMonth[]) => list.reduce((s, m) => s + (m.amount?.total ?? 0), 0);
  return {
    terms,
    months,
    paidTotal: sum(months.filter((m) => m.status === "paid")),
    claimedTotal: sum(months.filter((m) => m.status === "claimed")),
  };
}

/** 請求: a payment month whose report the city accepted, claimed once at the inspected amount. */
export async function claimPayment(ctx: Ctx, { month }: { month: string }): Promise<PaymentMonth> {
  requireAccess(ctx, "payment.claim");
  const terms = await requireTerms(ctx);
  const scheduled = terms.schedule.find((s) => s.month === month);
  if (!scheduled) throw notFound("支払予定の月", "Payment month");
  const accepted = await acceptedMonthlyReport(ctx, { month });
  if (!accepted)
    throw conflict(
      "report_not_accepted",
      "この月の業務完了報告書は市の検査を終えていません。検査済みの月だけ請求できます。",
      "The city has not accepted this month's completion report; only accepted months can be claimed.",
    );
  const amount = paymentAmount(terms, completedOf(accepted.figures.totals));
  const claim: ClaimRow = {
    tenantId: ctx.tenantId,
    month,
    kind: scheduled.kind,
    invoiceNumber: `${ctx.tenantId.toUpperCase()}-${month.replace("-", "")}`,
    reportId: accepted.reportId,
    reportVersion: accepted.version,
    amount,
    total: amount.total,
    terms,
    claimedAt: now(),
    claimedBy: ctx.actor.userId,
    claimedByName: ctx.actor.displayName ?? ctx.actor.userId,
    paidAt: null,
    paidBy: null,
    paidByName: null,
    retainUntil: await retainUntil(ctx.tx, ctx.tenantId, localDate(now())),
  };
  await uniquely(
    ctx,
    (tx) => insertClaim(tx, claim),
    () =>
      conflict("already_claimed", "この月は請求済みです。", "This month has already been claimed."),
  );
  await audit(ctx, {
    action: "payment.claim",
    entity: "payment_claim",
    entityId: month,
    change: { total: amount.total, report: accepted.reportId, version: accepted.version },
  });
  return {
    month,
    kind: scheduled.kind,
    status: "claimed",
    reportStatus: "accepted",
    amount,
    ...claimOut(claim),
  };
}

/** 支払: the city records that it paid a claimed month (once). */
export async function recordPayment(ctx: Ctx, { month }: { month: string }): Promise<PaymentMonth> {
  requireAccess(ctx, "payment.record");
  const claim = await findClaim(ctx.tx, ctx.tenantId, month, true);
  if (!claim) throw notFound("請求", "Claim");
  if (claim.paidAt) throw conflict("already_paid", "支払済みです。", "Already recorded as paid.");
  const paid = await markClaimPaid(ctx.tx, ctx.tenantId, month, {
    paidAt: now(),
    paidBy: ctx.actor.userId,
    paidByName: ctx.actor.displayName ?? ctx.actor.userId,
  });
  await audit(ctx, {
    action: "payment.record",
    entity: "payment_claim",
    entityId: month,
    change: { total: claim.total },
  });
  return {
    month,
    kind: claim.kind as "partial" | "completion",
    status: "paid",
    reportStatus: "accepted",
    amount: claim.amount,
    ...claimOut(paid),
  };
}

/** A claim as its invoice shows it. */
export async function claimOf(ctx: Ctx, { month }: { month: string }): Promise<ClaimRow> {
  requireAccess(ctx, "payment.read");
  const claim = await findClaim(ctx.tx, ctx.tenantId, month);
  if (!claim) throw notFound("請求", "Claim");
  await audit(ctx, { action: "payment.invoice", entity: "payment_claim", entityId: month });
  return claim;
}
