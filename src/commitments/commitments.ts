import type { z } from "zod";
import { now, todayInTokyo } from "../platform/clock.ts";
import { notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import type {
  CommitmentOut,
  commitmentInput,
  EvidenceInput,
  reviewInput,
  stateInput,
} from "./contract.ts";
import { resolveEvidence } from "./evidence.ts";
import { type Cadence, monthsWithoutEvidence } from "./rules.ts";
import {
  type Commitment,
  type Evidence,
  insertCommitment,
  insertEvidence,
  lockCommitment,
  readRegister,
  updateCommitment,
} from "./store.ts";

function out(row: Commitment, evidence: Evidence[], today: string): CommitmentOut {
  return {
    id: row.commitmentId,
    ref: row.ref,
    title: row.title,
    detail: row.detail,
    category: row.category as CommitmentOut["category"],
    cadence: row.cadence as Cadence,
    fromMonth: row.fromMonth,
    state: row.state as CommitmentOut["state"],
    stateNote: row.stateNote,
    evidence: evidence.map((e) => ({
      id: e.evidenceId,
      kind: e.kind as CommitmentOut["evidence"][number]["kind"],
      ref: e.ref,
      month: e.month,
      label: e.label,
      value: e.value,
      note: e.note,
      addedByName: e.addedByName,
      addedAt: e.addedAt.toISOString(),
    })),
    missingMonths: monthsWithoutEvidence(
      row.cadence as Cadence,
      row.fromMonth,
      today,
      evidence.map((e) => e.month),
    ),
    review: (row.review as CommitmentOut["review"]) ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function locked(ctx: Ctx, commitmentId: string) {
  const row = await lockCommitment(ctx.tx, ctx.tenantId, commitmentId);
  if (!row) throw notFound("提案事項", "Commitment");
  return row;
}

const actorName = (ctx: Ctx) => ctx.actor.displayName ?? ctx.actor.userId;

async function register(ctx: Ctx, commitmentId?: string): Promise<CommitmentOut[]> {
  const { rows, evidence } = await readRegister(ctx.tx, ctx.tenantId, commitmentId);
  const today = todayInTokyo();
  return rows
    .sort((a, b) => a.ref.localeCompare(b.ref, "ja", { numeric: true }))
    .map((r) =>
      out(
        r,
        evidence.filter((e) => e.commitmentId === r.commitmentId),
        today,
      ),
    );
}

/** The register as the contractor and the city see it: each commitment, its evidence and what is owed. */
export async function commitmentRegister(ctx: Ctx): Promise<CommitmentOut[]> {
  requireAccess(ctx, "commitment.read");
  return register(ctx);
}

/** One commitment as it stands after a change. */
async function one(ctx: Ctx, commitmentId: string) {
  const [found] = await register(ctx, commitmentId);
  if (!found) throw notFound("提案事項", "Commitment");
  return found;
}

/** A commitment of the proposal (提案書の項番, what was promised, how often it is owed). */
export async function registerCommitment(ctx: Ctx, props: z.infer<typeof commitmentInput>) {
  requireAccess(ctx, "commitment.write");
  const row: Commitment = {
    tenantId: ctx.tenantId,
    commitmentId: newId(),
    ...props,
    state: "planned",
    stateNote: null,
    review: null,
    createdBy: ctx.actor.userId,
    updatedAt: now(),
  };
  await insertCommitment(ctx.tx, row);
  await audit(ctx, {
    action: "commitment.register",
    entity: "commitment",
    entityId: row.commitmentId,
    change: { ref: props.ref, title: props.title },
  });
  return out(row, [], todayInTokyo());
}

/** Where a commitment stands, in the contractor's words. */
export async function setCommitmentState(
  ctx: Ctx,
  props: { commitmentId: string } & z.infer<typeof stateInput>,
) {
  requireAccess(ctx, "commitment.write");
  const row = await locked(ctx, props.commitmentId);
  await updateCommitment(ctx.tx, row, {
    state: props.state,
    stateNote: props.note ?? null,
    updatedAt: now(),
  });
  await audit(ctx, {
    action: "commitment.state",
    entity: "commitment",
    entityId: row.commitmentId,
    change: { from: row.state, to: props.state },
  });
  return one(ctx, row.commitmentId);
}

/** Evidence of a commitment kept, checked against the record it names. */
export async function addEvidence(
  ctx: Ctx,
  props: { commitmentId: string; evidence: EvidenceInput },
) {
  requireAccess(ctx, "commitment.write");
  const row = await locked(ctx, props.commitmentId);
  const resolved = await resolveEvidence(ctx, props.evidence);
  const evidenceId = newId();
  await insertEvidence(ctx.tx, {
    tenantId: ctx.tenantId,
    evidenceId,
    commitmentId: row.commitmentId,
    kind: props.evidence.kind,
    ...resolved,
    note: props.evidence.note ?? null,
    addedBy: ctx.actor.userId,
    addedByName: actorName(ctx),
    addedAt: now(),
  });
  await updateCommitment(ctx.tx, row, { updatedAt: now() });
  await audit(ctx, {
    action: "commitment.evidence",
    entity: "commitment",
    entityId: row.commitmentId,
    change: { evidenceId, kind: props.evidence.kind, ref: resolved.ref },
  });
  return one(ctx, row.commitmentId);
}

/** The city's word on a commitment: confirmed, or in need of improvement. */
export async function reviewCommitment(
  ctx: Ctx,
  props: { commitmentId: string } & z.infer<typeof reviewInput>,
) {
  requireAccess(ctx, "commitment.review");
  const row = await locked(ctx, props.commitmentId);
  const review = {
    verdict: props.verdict,
    comment: props.comment,
    byName: actorName(ctx),
    at: now().toISOString(),
  };
  await updateCommitment(ctx.tx, row, { review, updatedAt: now() });
  await audit(ctx, {
    action: "commitment.review",
    entity: "commitment",
    entityId: row.commitmentId,
    change: { verdict: props.verdict, comment: props.comment },
  });
  return one(ctx, row.commitmentId);
}
