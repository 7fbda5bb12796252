import { notFound } from "../platform/errors.ts";
import { audit, type Ctx, mayAct, requireAccess } from "../platform/operation.ts";
import { findTenant } from "../platform/tenancy/store.ts";
import { catalogueView } from "../queue/reads.ts";
import { CATEGORY_LABELS, type ReportKind, type ReportVersion } from "./contract.ts";
import type { DailyFigures } from "./daily.ts";
import type { MonthlyFigures } from "./monthly.ts";
import { dailyReport, monthlyReport } from "./reports.ts";

/** Japanese names for the codes a report carries. */
export interface ReportLabels {
  procedures: Record<string, string>;
  groups: Record<string, string>;
  reasons: Record<string, string>;
  callOutcomes: Record<string, string>;
  callCategories: Record<string, string>;
  categories: Record<string, string>;
}

export type ReportDocument = {
  office: string;
  labels: ReportLabels;
  version: ReportVersion | null;
} & (
  | { kind: "daily"; period: string; figures: DailyFigures }
  | { kind: "monthly"; period: string; figures: MonthlyFigures }
);

const ja = (map: Record<string, { ja: string }>) =>
  Object.fromEntries(Object.entries(map).map(([k, v]) => [k, v.ja]));

/**
 * What a report file shows: the version asked for, else the newest submitted one, else (for the
 * leads) the draft as it stands now.
 */
export async function reportDocument(
  ctx: Ctx,
  props: { kind: ReportKind; period: string; version?: number | undefined },
): Promise<ReportDocument> {
  requireAccess(ctx, "report.read");
  const report =
    props.kind === "daily"
      ? await dailyReport(ctx, { date: props.period })
      : await monthlyReport(ctx, { month: props.period });
  const version =
    props.version === undefined
      ? report.versions[0]
      : report.versions.find((v) => v.version === props.version);
  if (props.version !== undefined && !version) throw notFound("報告書の版", "Report version");
  const figures = version?.figures ?? report.draft;
  if (!figures || (!version && !mayAct(ctx, "report.submit")))
    throw notFound("提出された報告書", "Submitted report");
  const catalogue = await catalogueView(ctx);
  const tenant = await findTenant(ctx.tx, ctx.tenantId);
  await audit(ctx, {
    action: "report.export",
    entity: "report",
    entityId: version?.reportId,
    change: { kind: props.kind, period: props.period, version: version?.version ?? null },
  });
  const { figures: _, ...versionInfo } = version ?? { figures: null };
  return {
    office: tenant?.nameJa ?? ctx.tenantId,
    kind: props.kind,
    period: props.period,
    figures,
    version: version ? (versionInfo as ReportVersion) : null,
    labels: {
      procedures: Object.fromEntries(catalogue.procedures.map((p) => [p.code, p.nameJa])),
      groups: Object.fromEntries(catalogue.groups.map((g) => [g.groupCode, g.nameJa])),
      reasons: ja(catalogue.notCompletedReasons),
      callOutcomes: ja(catalogue.callOutcomes),
      callCategories: ja(catalogue.callCategories),
      categories: ja(CATEGORY_LABELS),
    },
  } as ReportDocument;
}
