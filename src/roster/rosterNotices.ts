import { now, todayInTokyo } from "../platform/clock.ts";
import { conflict, notFound, unprocessable } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { audit, type Ctx, requireAccess, uniquely } from "../platform/operation.ts";
import { findTenant } from "../platform/tenancy/store.ts";
import { currentRoster } from "./entries.ts";
import { CHART_KINDS, DESIGNATION_LABELS, NOTICE_LABELS, type NoticeKind } from "./rules.ts";
import {
  acknowledgeNoticeRow,
  findDesignated,
  findNotice,
  hasSubmission,
  insertNotice,
  listNotices,
  type Notice,
  type Person,
} from "./store.ts";

/** The roster as the city is told of it: people on it now, without contact data. */
const snapshotOf = (ctx: Ctx) => currentRoster(ctx.tx, ctx.tenantId);

/** What a notice says: its kind, whom it is about, a line in each language, the fields changed. */
export interface NoticeProps {
  kind: NoticeKind;
  person?: Person | undefined;
  detail: { ja: string; en: string };
  changes?: Notice["changes"];
}

/** 変更報告: a notice to the city with a snapshot of the roster, so its chart can be drawn again. */
async function notify(ctx: Ctx, props: NoticeProps): Promise<Notice> {
  const label = NOTICE_LABELS[props.kind];
  const notice: Notice = {
    tenantId: ctx.tenantId,
    noticeId: newId(),
    kind: props.kind,
    personId: props.person?.personId ?? null,
    summary: `${label.ja}：${props.detail.ja}`,
    summaryEn: `${label.en}: ${props.detail.en}`,
    changes: props.changes ?? null,
    snapshot: await snapshotOf(ctx),
    chartChanged: CHART_KINDS.has(props.kind),
    createdAt: now(),
    createdBy: ctx.actor.displayName ?? ctx.actor.userId,
    acknowledgedAt: null,
    acknowledgedBy: null,
    acknowledgementNote: null,
  };
  await insertNotice(ctx.tx, notice);
  await audit(ctx, {
    action: "roster.notice",
    entity: "roster_notice",
    entityId: notice.noticeId,
    change: { kind: props.kind, personId: notice.personId },
  });
  return notice;
}

/** Once the roster is submitted, each change is reported; before, the roster is a draft. */
export async function notifyIfSubmitted(ctx: Ctx, props: NoticeProps): Promise<void> {
  if (await hasSubmission(ctx.tx, ctx.tenantId)) await notify(ctx, props);
}

/**
 * 名簿・体制図の提出: once. The database holds one submission per tenant (a partial unique
 * index), so two quick clicks, or two leads at once, give one submission and one clear refusal.
 */
export async function submitRoster(ctx: Ctx): Promise<Notice & { late: boolean }> {
  requireAccess(ctx, "roster.write");
  const alreadySubmitted = () =>
    conflict(
      "already_submitted",
      "名簿は提出済みです。以後の変更は変更報告として自動で送られます。",
      "The roster is already submitted; changes are now reported as change notices.",
    );
  if (await hasSubmission(ctx.tx, ctx.tenantId)) throw alreadySubmitted();
  for (const designation of ["manager", "deputy"] as const) {
    if (!(await findDesignated(ctx.tx, ctx.tenantId, designation))) {
      const label = DESIGNATION_LABELS[designation];
      throw unprocessable(
        `${designation}_not_designated`,
        `${label.ja}が指名されていません。提出の前に指名してください。`,
        `No ${label.en.toLowerCase()} is designated; designate one before submitting.`,
      );
    }
  }
  const tenant = await findTenant(ctx.tx, ctx.tenantId);
  const late = tenant !== undefined && todayInTokyo() >= tenant.serviceStart;
  const people = await snapshotOf(ctx);
  const notice = await uniquely(
    ctx,
    (tx) =>
      notify(
        { ...ctx, tx },
        {
          kind: "submission",
          detail: {
            ja: `${people.length}名${late ? "（業務開始後の提出）" : ""}`,
            en: `${people.length} people${late ? " (after the service start)" : ""}`,
          },
        },
      ),
    alreadySubmitted,
  );
  return { ...notice, late };
}

/** The submission and every change notice, newest first; names in them are personal data. */
export async function rosterNotices(ctx: Ctx): Promise<Notice[]> {
  requireAccess(ctx, "roster.read");
  const notices = await listNotices(ctx.tx, ctx.tenantId);
  await audit(ctx, { action: "roster.notices.read", entity: "roster_notice" });
  return notices;
}

/** 受理: the city acknowledges a notice, once, with an optional note. */
export interface AcknowledgeProps {
  noticeId: string;
  note?: string | undefined;
}

export async function acknowledgeNotice(ctx: Ctx, props: AcknowledgeProps): Promise<Notice> {
  requireAccess(ctx, "roster.acknowledge");
  const notice = await findNotice(ctx.tx, ctx.tenantId, props.noticeId);
  if (!notice) throw notFound("変更報告", "Notice");
  // The row update re-checks under its lock, so two officers clicking at once get one record.
  const updated = notice.acknowledgedAt
    ? undefined
    : await acknowledgeNoticeRow(ctx.tx, ctx.tenantId, props.noticeId, {
        acknowledgedAt: now(),
        acknowledgedBy: ctx.actor.displayName ?? ctx.actor.userId,
        acknowledgementNote: props.note?.trim() || null,
      });
  if (!updated)
    throw conflict(
      "already_acknowledged",
      "この報告は確認済みです。",
      "This notice is already acknowledged.",
    );
  await audit(ctx, {
    action: "roster.notice.acknowledge",
    entity: "roster_notice",
    entityId: props.noticeId,
    change: { note: updated.acknowledgementNote },
  });
  return updated;
}
