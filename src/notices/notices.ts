import type { z } from "zod";
import { listUsersOf } from "../platform/auth/users.ts";
import { now } from "../platform/clock.ts";
import { conflict, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import type { NoticeOut, noticeInput } from "./contract.ts";
import {
  insertNotice,
  insertRead,
  newestNotices,
  noticeExists,
  readsOf,
  readsOfNotice,
} from "./store.ts";

/** Those a notice is for: the counter's people (their accounts). */
const READERS = new Set(["staff", "deputy", "manager"]);

/**
 * 周知徹底 (仕様 8(2)キ): the leads publish; everyone at the counter confirms having read; the
 * leads see who has not; an essential notice unread stops the person opening a counter session.
 */
export async function publishNotice(ctx: Ctx, props: z.infer<typeof noticeInput>) {
  requireAccess(ctx, "notice.publish");
  const row = {
    tenantId: ctx.tenantId,
    noticeId: newId(),
    ...props,
    publishedAt: now(),
    publishedBy: ctx.actor.userId,
    publishedByName: ctx.actor.displayName ?? ctx.actor.userId,
  };
  await insertNotice(ctx.tx, row);
  // The one who publishes has read it.
  await insertRead(ctx.tx, {
    tenantId: ctx.tenantId,
    noticeId: row.noticeId,
    userId: ctx.actor.userId,
    readAt: row.publishedAt,
  });
  await audit(ctx, {
    action: "notice.publish",
    entity: "staff_notice",
    entityId: row.noticeId,
    change: { title: props.title, essential: props.essential },
  });
  return { id: row.noticeId };
}

/** Every notice, newest first, with whether the signed-in person has read it. */
export async function myNotices(ctx: Ctx): Promise<NoticeOut[]> {
  requireAccess(ctx, "notice.read");
  const rows = await newestNotices(ctx.tx, ctx.tenantId);
  const reads = await readsOf(
    ctx.tx,
    ctx.tenantId,
    ctx.actor.userId,
    rows.map((r) => r.noticeId),
  );
  const readAt = new Map(reads.map((r) => [r.noticeId, r.readAt]));
  return rows.map((r) => ({
    id: r.noticeId,
    title: r.title,
    body: r.body,
    essential: r.essential,
    publishedAt: r.publishedAt.toISOString(),
    publishedByName: r.publishedByName,
    readAt: readAt.get(r.noticeId)?.toISOString() ?? null,
  }));
}

/** 確認しました: once; a second confirmation keeps the first time. */
export async function confirmRead(ctx: Ctx, props: { noticeId: string }) {
  requireAccess(ctx, "notice.read");
  if (!(await noticeExists(ctx.tx, ctx.tenantId, props.noticeId)))
    throw notFound("お知らせ", "Notice");
  const first = await insertRead(ctx.tx, {
    tenantId: ctx.tenantId,
    noticeId: props.noticeId,
    userId: ctx.actor.userId,
    readAt: now(),
  });
  if (first)
    await audit(ctx, { action: "notice.read", entity: "staff_notice", entityId: props.noticeId });
  return { read: true };
}

/** Who has read a notice and who not: the leads follow up. */
export async function noticeReaders(ctx: Ctx, props: { noticeId: string }) {
  requireAccess(ctx, "notice.publish");
  const reads = await readsOfNotice(ctx.tx, ctx.tenantId, props.noticeId);
  const users = (await listUsersOf(ctx.tx, ctx.tenantId)).filter(
    (u) => READERS.has(u.role) && !u.disabled,
  );
  const at = new Map(reads.map((r) => [r.userId, r.readAt]));
  await audit(ctx, { action: "notice.readers", entity: "staff_notice", entityId: props.noticeId });
  return {
    noticeId: props.noticeId,
    read: users
      .filter((u) => at.has(u.userId))
      .map((u) => ({ name: u.displayName, readAt: at.get(u.userId)!.toISOString() })),
    unread: users.filter((u) => !at.has(u.userId)).map((u) => ({ name: u.displayName })),
  };
}

/** For the counter: refuses to open a session while an essential notice is unread. */
export async function requireEssentialNoticesRead(ctx: Ctx): Promise<void> {
  requireAccess(ctx, "notice.read");
  const unread = (await myNotices(ctx)).filter((n) => n.essential && !n.readAt);
  if (unread.length > 0)
    throw conflict(
      "unread_essential_notice",
      `必読のお知らせ「${unread[0]!.title}」を読んで確認してから窓口を開いてください。`,
      `Read and confirm the essential notice "${unread[0]!.title}" before opening a counter.`,
      { notices: unread.map((n) => n.id) },
    );
}
