import { monthEnd } from "../calendar/dates.ts";
import { manualVersion } from "../manual/manual.ts";
import { unprocessable } from "../platform/errors.ts";
import type { Ctx } from "../platform/operation.ts";
import { proposalList } from "../proposals/proposals.ts";
import { REPORT_KIND_LABELS, REPORT_STATUS_LABELS } from "../reports/contract.ts";
import { dashboard } from "../reports/dashboard.ts";
import { reportStatuses } from "../reports/reports.ts";
import { trainingOverview } from "../training/courses.ts";
import { type EvidenceInput, METRIC_LABELS, type METRICS } from "./contract.ts";

/** What an item of evidence points at, as the register shows it. */
export interface ResolvedEvidence {
  ref: string;
  month: string;
  label: string;
  value: number | null;
}

const missing = (what: string, whatEn: string) =>
  unprocessable("evidence_not_found", `${what}が見つかりません。`, `No such ${whatEn}.`);
const monthJa = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/**
 * Checks that the record named exists, through its own domain, and describes it. A dashboard
 * figure is taken as it stands now: the register keeps what the city was shown.
 */
export async function resolveEvidence(ctx: Ctx, input: EvidenceInput): Promise<ResolvedEvidence> {
  switch (input.kind) {
    case "report": {
      const [status] = await reportStatuses(ctx, {
        kind: input.reportKind,
        from: input.period,
        to: input.period,
      });
      if (!status) throw missing("提出された報告書", "submitted report");
      return {
        ref: `${input.reportKind}:${input.period}`,
        month: input.period.slice(0, 7),
        label: `${REPORT_KIND_LABELS[input.reportKind].ja} ${input.period}（第${status.version}版 ${REPORT_STATUS_LABELS[status.status].ja}）`,
        value: null,
      };
    }
    case "training": {
      const { courses, sessions } = await trainingOverview(ctx);
      const session = sessions.find((s) => s.sessionId === input.sessionId);
      if (!session) throw missing("研修の記録", "training session");
      const course = courses.find((c) => c.courseId === session.courseId);
      return {
        ref: session.sessionId,
        month: session.heldOn.slice(0, 7),
        label: `研修「${course?.title ?? session.courseId}」${session.heldOn}（受講 ${session.attendees.length}名）`,
        value: null,
      };
    }
    case "figure": {
      const value = await monthFigure(ctx, input.metric, input.month);
      const metric = METRIC_LABELS[input.metric];
      return {
        ref: `${input.metric}:${input.month}`,
        month: input.month,
        label: `${monthJa(input.month)} ${metric.ja} ${value}${metric.unit}`,
        value,
      };
    }
    case "manual": {
      const version = await manualVersion(ctx, { versionId: input.versionId });
      return {
        ref: version.id,
        month: (version.confirmedAt ?? version.createdAt).slice(0, 7),
        label: `運営マニュアル 第${version.number}版「${version.title}」${version.confirmedAt ? "（市確認済）" : "（下書き）"}`,
        value: null,
      };
    }
    case "proposal": {
      const proposal = (await proposalList(ctx)).find((p) => p.id === input.proposalId);
      if (!proposal) throw missing("改善提案", "proposal");
      return {
        ref: proposal.id,
        month: (proposal.decidedAt ?? proposal.draftedAt).slice(0, 7),
        label: `改善提案「${proposal.title}」`,
        value: null,
      };
    }
    case "document":
      return { ref: input.title, month: input.month, label: input.title, value: null };
  }
}

/** A month's figure from the dashboards: totals, and waits weighted by the people who waited. */
async function monthFigure(ctx: Ctx, metric: (typeof METRICS)[number], month: string) {
  const { days } = await dashboard(ctx, { from: `${month}-01`, to: monthEnd(month) });
  const sum = (f: (d: (typeof days)[number]) => number) => days.reduce((s, d) => s + f(d), 0);
  const people = sum((d) => d.people);
  // A month with nobody served has no figures to show, only an absence of records.
  if (days.every((d) => d.people === 0 && d.phoneCalls === 0))
    throw unprocessable(
      "no_figures",
      `${monthJa(month)}の実績がありません。`,
      `There are no figures for ${month}.`,
    );
  const weighted = (f: (d: (typeof days)[number]) => number) =>
    people === 0 ? 0 : sum((d) => f(d) * d.people) / people;
  switch (metric) {
    case "visits":
      return people;
    case "mean_wait":
      return Math.round(weighted((d) => d.meanWaitMinutes) * 10) / 10;
    case "within_target":
      return Math.round(weighted((d) => d.withinTarget) * 1000) / 10;
    case "phone_calls":
      return sum((d) => d.phoneCalls);
    case "no_shows":
      return sum((d) => d.noShows);
  }
}
