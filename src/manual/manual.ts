import { now } from "../platform/clock.ts";
import { conflict, notFound } from "../platform/errors.ts";
import { ALL_TENANTS, on } from "../platform/events/bus.ts";
import { newId } from "../platform/ids.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import type { ManualVersionOut } from "./contract.ts";
import { diffLines } from "./diff.ts";
import { indexManual, type ManualIndex } from "./search.ts";
import {
  findVersion,
  insertVersion,
  listVersions,
  type ManualVersion,
  newestConfirmed,
  nextNumber,
  setState,
} from "./store.ts";

/**
 * 運営マニュアル: the leads write versions; the city confirms (確認); the counter sees and searches
 * only the newest confirmed one. The search index is built once per confirmed version in each
 * process and dropped on every process when another version is confirmed.
 */
const out = (r: ManualVersion): ManualVersionOut => ({
  id: r.versionId,
  number: r.number,
  title: r.title,
  body: r.body,
  state: r.state as ManualVersionOut["state"],
  createdAt: r.createdAt.toISOString(),
  confirmedAt: r.confirmedAt?.toISOString() ?? null,
});

const indexes = new Map<string, { versionId: string; index: ManualIndex }>();
on("manual", (tenantId) => {
  if (tenantId === ALL_TENANTS) indexes.clear();
  else indexes.delete(tenantId);
});

export async function writeVersion(ctx: Ctx, props: { title: string; body: string }) {
  requireAccess(ctx, "manual.write");
  const row: ManualVersion = {
    tenantId: ctx.tenantId,
    versionId: newId(),
    number: await nextNumber(ctx.tx, ctx.tenantId),
    title: props.title,
    body: props.body,
    state: "draft",
    createdAt: now(),
    createdBy: ctx.actor.userId,
    confirmedAt: null,
    confirmedBy: null,
  };
  await insertVersion(ctx.tx, row);
  await audit(ctx, {
    action: "manual.write",
    entity: "manual_version",
    entityId: row.versionId,
    change: { number: row.number, title: row.title, length: row.body.length },
  });
  return { id: row.versionId, number: row.number, state: "draft" as const };
}

/** 確認: the city confirms a draft; it reaches the counter and the one before becomes old. */
export async function confirmVersion(ctx: Ctx, props: { versionId: string }) {
  requireAccess(ctx, "manual.confirm");
  const row = await findVersion(ctx.tx, ctx.tenantId, props.versionId, true);
  if (!row) throw notFound("マニュアルの版", "Manual version");
  if (row.state !== "draft")
    throw conflict(
      "not_a_draft",
      "確認できるのは下書きの版だけです。",
      "Only a draft can be confirmed.",
    );
  const previous = await newestConfirmed(ctx.tx, ctx.tenantId);
  if (previous && previous.number > row.number)
    throw conflict(
      "older_than_confirmed",
      `第${previous.number}版がすでに確認されています。新しい版を作成してください。`,
      `Version ${previous.number} is already confirmed; write a new version.`,
    );
  if (previous) await setState(ctx.tx, previous, { state: "superseded" });
  await setState(ctx.tx, row, {
    state: "confirmed",
    confirmedAt: now(),
    confirmedBy: ctx.actor.userId,
  });
  await audit(ctx, {
    action: "manual.confirm",
    entity: "manual_version",
    entityId: row.versionId,
    change: { number: row.number },
  });
  await ctx.emit("manual", { versionId: row.versionId });
  return out({ ...row, state: "confirmed", confirmedAt: now(), confirmedBy: ctx.actor.userId });
}

/** What the counter sees: the newest confirmed version (never a draft). */
export async function currentManual(ctx: Ctx): Promise<ManualVersionOut> {
  requireAccess(ctx, "manual.read");
  const row = await newestConfirmed(ctx.tx, ctx.tenantId);
  if (!row) throw notFound("確認済みのマニュアル", "Confirmed manual");
  return out(row);
}

export async function manualVersions(ctx: Ctx) {
  requireAccess(ctx, "manual.versions");
  return (await listVersions(ctx.tx, ctx.tenantId)).map((r) => {
    const { body: _, ...summary } = out(r);
    return summary;
  });
}

export async function manualVersion(ctx: Ctx, props: { versionId: string }) {
  requireAccess(ctx, "manual.versions");
  const row = await findVersion(ctx.tx, ctx.tenantId, props.versionId);
  if (!row) throw notFound("マニュアルの版", "Manual version");
  return out(row);
}

/** A version's changes against the confirmed one (what the city reviews before confirming). */
export async function manualDiff(ctx: Ctx, props: { versionId: string }) {
  requireAccess(ctx, "manual.versions");
  const row = await findVersion(ctx.tx, ctx.tenantId, props.versionId);
  if (!row) throw notFound("マニュアルの版", "Manual version");
  const confirmed = await newestConfirmed(ctx.tx, ctx.tenantId);
  const base = confirmed && confirmed.versionId !== row.versionId ? confirmed : undefined;
  return { against: base?.number ?? null, lines: diffLines(base?.body ?? "", row.body) };
}

/** 検索: the confirmed manual's sections that match, best first, with a snippet. */
export async function searchManual(ctx: Ctx, props: { q: string }) {
  requireAccess(ctx, "manual.read");
  const row = await newestConfirmed(ctx.tx, ctx.tenantId);
  if (!row) return [];
  let cached = indexes.get(ctx.tenantId);
  if (!cached || cached.versionId !== row.versionId) {
    cached = { versionId: row.versionId, index: indexManual(row.body) };
    indexes.set(ctx.tenantId, cached);
  }
  return cached.index.search(props.q);
}
