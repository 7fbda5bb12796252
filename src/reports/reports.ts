import { localDate, now } from "../platform/clock.ts";
import { conflict, notFound, unprocessable } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { audit, type Ctx, mayAct, requireAccess, uniquely } from "../platform/operation.ts";
import { retainUntil } from "../platform/retention.ts";
import type {
  DailyReportOut,
  MonthlyReportOut,
  ReportKind,
  ReportStatus,
  ReportVersion,
} from "./contract.ts";
import type { DailyFigures } from "./daily.ts";
import type { MonthlyFigures } from "./monthly.ts";
import { draftDays, draftMonth, monthRange } from "./sources.ts";
import {
  decideReport,
  findReport,
  insertReport,
  type ReportRow,
  reportsBetween,
  versionsOf,
} from "./store.ts";

/**
 * 日次報告書・月次業務完了報告書 (仕様 9): drafted from the records, reviewed and submitted by the
 * manager with remarks, then decided by the city — a daily report confirmed (確認), a monthly one
 * inspected (検査): accepted, or returned with comments and submitted again as a new version.
 */

const versionOut = (row: ReportRow): ReportVersion => ({
  reportId: row.reportId,
  kind: row.kind as ReportKind,
  period: row.period,
  version: row.version,
  status: row.status as ReportStatus,
  remarks: row.remarks,
  submittedAt: row.submittedAt.toISOString(),
  submittedByName: row.submittedByName,
  decidedAt: row.decidedAt?.toISOString() ?? null,
  decidedByName: row.decidedByName,
  comment: row.comment,
});

const statusOf = (rows: ReportRow[]): ReportStatus =>
  (rows[0]?.status as ReportStatus | undefined) ?? "draft";

/** A draft is drafted for the leads only while the report is theirs to submit (new or returned). */
const wantsDraft = (ctx: Ctx, status: ReportStatus) =>
  mayAct(ctx, "report.submit") && (status === "draft" || status === "returned");

export async function dailyReport(ctx: Ctx, { date }: { date: string }): Promise<DailyReportOut> {
  requireAccess(ctx, "report.read");
  const rows = await versionsOf(ctx.tx, ctx.tenantId, "daily", date);
  // The figures name no one, but the hours on duty come from the roster: the read is audited.
  await audit(ctx, { action: "report.read", entity: "report", change: { kind: "daily", date } });
  const status = statusOf(rows);
  const draft = wantsDraft(ctx, status)
    ? ((await draftDays(ctx, { from: date, to: date }))[0] ?? null)
    : null;
  return {
    date,
    status,
    draft,
    versions: rows.map((r) => ({ ...versionOut(r), figures: r.figures as DailyFigures })),
  };
}

export async function monthlyReport(
  ctx: Ctx,
  { month }: { month: string },
): Promise<MonthlyReportOut> {
  requireAccess(ctx, "report.read");
  const rows = await versionsOf(ctx.tx, ctx.tenantId, "monthly", month);
  await audit(ctx, { action: "report.read", entity: "report", change: { kind: "monthly", month } });
  const status = statusOf(rows);
  const draft = wantsDraft(ctx, status) ? await draftMonth(ctx, { month }) : null;
  return {
    month,
    status,
    draft,
    versions: rows.map((r) => ({ ...versionOut(r), figures: r.figures as MonthlyFigures })),
  };
}

/** The manager's submission: the figures as drafted now, with the remarks. */
export interface SubmitProps {
  /** A day (2026-08-03) for the daily report, a month (2026-08) for the monthly one. */
  period: string;
  remarks: string;
}

export async function submitReport(
  ctx: Ctx,
  kind: ReportKind,
  props: SubmitProps,
): Promise<ReportVersion> {
  requireAccess(ctx, "report.submit");
  const today = localDate(now());
  const last = kind === "daily" ? props.period : monthRange(props.period).to;
  if (last > today)
    throw unprocessable(
      "period_not_over",
      "まだ終わっていない日・月の報告は提出できません。",
      "A day or month that is not over yet cannot be reported.",
    );
  const rows = await versionsOf(ctx.tx, ctx.tenantId, kind, props.period);
  const latest = rows[0];
  if (latest?.status === "submitted")
    throw conflict(
      "report_pending",
      "提出済みの報告が市の確認待ちです。",
      "A submitted version is awaiting the city.",
    );
  if (latest?.status === "accepted")
    throw conflict(
      "report_accepted",
      "この報告は検査済みです。",
      "This report has already been accepted.",
    );
  let figures: DailyFigures | MonthlyFigures;
  if (kind === "daily") {
    const [day] = await draftDays(ctx, { from: props.period, to: props.period });
    if (!day)
      throw unprocessable(
        "not_a_service_day",
        "この日は開庁日ではありません。",
        "The counter was not open that day.",
      );
    figures = day;
  } else figures = await draftMonth(ctx, { month: props.period });
  const row: ReportRow = {
    tenantId: ctx.tenantId,
    reportId: newId(),
    kind,
    period: props.period,
    version: (latest?.version ?? 0) + 1,
    status: "submitted",
    figures: figures as unknown as Record<string, unknown>,
    remarks: props.remarks,
    submittedAt: now(),
    submittedBy: ctx.actor.userId,
    submittedByName: ctx.actor.displayName ?? ctx.actor.userId,
    decidedAt: null,
    decidedBy: null,
    decidedByName: null,
    comment: null,
    retainUntil: await retainUntil(ctx.tx, ctx.tenantId, today),
  };
  // Two submissions at once: the version (and the one-pending rule) is the database's to decide.
  await uniquely(
    ctx,
    (tx) => insertReport(tx, row),
    () =>
      conflict(
        "report_pending",
        "提出済みの報告が市の確認待ちです。",
        "A submitted version is awaiting the city.",
      ),
  );
  await audit(ctx, {
    action: "report.submit",
    entity: "report",
    entityId: row.reportId,
    change: { kind, period: props.period, version: row.version },
  });
  return versionOut(row);
}

/** The city's decision on a submitted version: accepted (確認・検査済) or returned with comments. */
export interface InspectProps {
  reportId: string;
  decision: "accept" | "return";
  comment?: string | undefined;
}

export async function inspectReport(ctx: Ctx, props: InspectProps): Promise<ReportVersion> {
  requireAccess(ctx, "report.inspect");
  const row = await findReport(ctx.tx, ctx.tenantId, props.reportId, true);
  if (!row) throw notFound("報告書", "Report");
  if (row.status !== "submitted")
    throw conflict(
      "report_not_pending",
      "確認待ちの報告ではありません。",
      "This version is not awaiting a decision.",
    );
  const comment = props.comment?.trim() || null;
  if (props.decision === "return" && !comment)
    throw unprocessable(
      "comment_required",
      "差戻しには理由（コメント）を入力してください。",
      "A returned report needs a comment saying why.",
    );
  const decided = await decideReport(ctx.tx, ctx.tenantId, row.reportId, {
    status: props.decision === "accept" ? "accepted" : "returned",
    decidedAt: now(),
    decidedBy: ctx.actor.userId,
    decidedByName: ctx.actor.displayName ?? ctx.actor.userId,
    comment,
  });
  await audit(ctx, {
    action: props.decision === "accept" ? "report.accept" : "report.return",
    entity: "report",
    entityId: row.reportId,
    change: { kind: row.kind, period: row.period, version: row.version, comment },
  });
  return versionOut(decided);
}

/** The accepted monthly report of a month, for the payment that follows it; undefined if none. */
export async function acceptedMonthlyReport(ctx: Ctx, { month }: { month: string }) {
  requireAccess(ctx, "report.read");
  const rows = await versionsOf(ctx.tx, ctx.tenantId, "monthly", month);
  const accepted = rows.find((r) => r.status === "accepted");
  return accepted && { ...versionOut(accepted), figures: accepted.figures as MonthlyFigures };
}

/** Each period's newest version in a range: where every report stands, at a glance. */
export async function reportStatuses(
  ctx: Ctx,
  range: { kind: ReportKind; from: string; to: string },
) {
  requireAccess(ctx, "report.read");
  const rows = await reportsBetween(ctx.tx, ctx.tenantId, range.kind, range.from, range.to);
  const newest = new Map<string, ReportRow>();
  for (const r of rows) if (!newest.has(r.period)) newest.set(r.period, r);
  return [...newest.values()].map((r) => ({
    period: r.period,
    status: r.status as ReportStatus,
    version: r.version,
  }));
}
