import { localDate, todayInTokyo } from "../platform/clock.ts";
import { notFound } from "../platform/errors.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import { findTenant } from "../platform/tenancy/store.ts";
import { type ChartPerson, nameTagsPdf, orgChartPdf } from "./documents.ts";
import { currentRoster } from "./entries.ts";
import { findNotice } from "./store.ts";

const japaneseDate = (day: string) =>
  `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日現在`;

async function officeName(ctx: Ctx) {
  return (await findTenant(ctx.tx, ctx.tenantId))?.nameJa ?? ctx.tenantId;
}

/**
 * Each printout reads and audits in the operation's transaction and returns the rendering to run
 * after the commit: drawing a PDF takes a few hundred milliseconds that need no database.
 */
type Render = () => Promise<Uint8Array>;

/** 体制図 as it stands, A4 PDF; names on it are personal data, so the read is audited. */
export async function currentChart(ctx: Ctx): Promise<Render> {
  requireAccess(ctx, "roster.read");
  const people = await currentRoster(ctx.tx, ctx.tenantId);
  const heading = { office: await officeName(ctx), asOf: japaneseDate(todayInTokyo()) };
  await audit(ctx, { action: "roster.chart.read", entity: "roster_person" });
  return () => orgChartPdf(people, heading);
}

/** 体制図 as it stood when a notice was made (from the notice's snapshot). */
export async function chartAtNotice(
  ctx: Ctx,
  { noticeId }: { noticeId: string },
): Promise<{ render: Render; day: string }> {
  requireAccess(ctx, "roster.read");
  const notice = await findNotice(ctx.tx, ctx.tenantId, noticeId);
  if (!notice) throw notFound("変更報告", "Notice");
  const day = localDate(notice.createdAt);
  const heading = { office: await officeName(ctx), asOf: japaneseDate(day) };
  await audit(ctx, { action: "roster.chart.read", entity: "roster_notice", entityId: noticeId });
  return { render: () => orgChartPdf(notice.snapshot as ChartPerson[], heading), day };
}

/** 名札: everyone on the roster today (or one person), ten per A4 sheet; never contact data. */
export async function nameTags(
  ctx: Ctx,
  { personId }: { personId?: string | undefined },
): Promise<Render> {
  requireAccess(ctx, "roster.write");
  const people = (await currentRoster(ctx.tx, ctx.tenantId)).filter(
    (p) => !personId || p.id === personId,
  );
  const office = (await findTenant(ctx.tx, ctx.tenantId))?.nameJa ?? "";
  await audit(ctx, {
    action: "roster.name_tags.read",
    entity: "roster_person",
    entityId: personId,
  });
  return () => nameTagsPdf(people, office);
}
