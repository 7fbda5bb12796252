import type { z } from "zod";
import { now } from "../platform/clock.ts";
import { conflict, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { audit, type Ctx, requireAccess } from "../platform/operation.ts";
import {
  type DECISIONS,
  type decisionInput,
  type ProposalOut,
  type proposalInput,
  STATE_LABELS,
} from "./contract.ts";
import {
  insertProposal,
  listProposals,
  lockProposal,
  type Proposal,
  updateProposal,
} from "./store.ts";

const out = (r: Proposal): ProposalOut => ({
  id: r.proposalId,
  title: r.title,
  problem: r.problem,
  measure: r.measure,
  effect: r.effect,
  evidence: r.evidence,
  state: r.state as ProposalOut["state"],
  draftedByName: r.draftedByName,
  draftedAt: r.draftedAt.toISOString(),
  submittedAt: r.submittedAt?.toISOString() ?? null,
  decidedAt: r.decidedAt?.toISOString() ?? null,
  decisionComment: r.decisionComment,
  implementedBy: r.implementedBy,
});

/** 業務改善提案: anyone of the contractor's team drafts. */
export async function draftProposal(ctx: Ctx, props: z.infer<typeof proposalInput>) {
  requireAccess(ctx, "proposal.draft");
  const row: Proposal = {
    tenantId: ctx.tenantId,
    proposalId: newId(),
    ...props,
    state: "draft",
    draftedBy: ctx.actor.userId,
    draftedByName: ctx.actor.displayName ?? ctx.actor.userId,
    draftedAt: now(),
    submittedAt: null,
    decidedAt: null,
    decisionComment: null,
    implementedBy: [],
  };
  await insertProposal(ctx.tx, row);
  await audit(ctx, {
    action: "proposal.draft",
    entity: "proposal",
    entityId: row.proposalId,
    change: { title: props.title },
  });
  return out(row);
}

async function inState(ctx: Ctx, proposalId: string, states: readonly string[], step: string) {
  const row = await lockProposal(ctx.tx, ctx.tenantId, proposalId);
  if (!row) throw notFound("改善提案", "Proposal");
  if (!states.includes(row.state))
    throw conflict(
      `cannot_${step}`,
      `この状態（${STATE_LABELS[row.state as ProposalOut["state"]]?.ja ?? row.state}）の提案にはできません。`,
      `Not possible for a proposal that is ${row.state}.`,
    );
  return row;
}

/** The manager submits a draft (or one the city wants discussed, amended) to the city. */
export async function submitProposal(ctx: Ctx, props: { proposalId: string }) {
  requireAccess(ctx, "proposal.submit");
  const row = await inState(ctx, props.proposalId, ["draft", "needs_discussion"], "submit");
  const updated = await updateProposal(ctx.tx, row, { state: "submitted", submittedAt: now() });
  await audit(ctx, { action: "proposal.submit", entity: "proposal", entityId: row.proposalId });
  return out(updated);
}

/** The city decides, with its comment. */
export async function decideProposal(
  ctx: Ctx,
  props: { proposalId: string; decision: (typeof DECISIONS)[number]; comment: string },
) {
  requireAccess(ctx, "proposal.decide");
  const row = await inState(ctx, props.proposalId, ["submitted"], "decide");
  const updated = await updateProposal(ctx.tx, row, {
    state: props.decision,
    decidedAt: now(),
    decisionComment: props.comment,
  });
  await audit(ctx, {
    action: "proposal.decide",
    entity: "proposal",
    entityId: row.proposalId,
    change: { decision: props.decision },
  });
  return out(updated);
}

/** What put an accepted proposal into effect (a manual version, a configuration change). */
export async function recordImplementation(
  ctx: Ctx,
  props: { proposalId: string; kind: string; ref: string },
) {
  requireAccess(ctx, "proposal.submit");
  const row = await inState(ctx, props.proposalId, ["accepted"], "implement");
  const updated = await updateProposal(ctx.tx, row, {
    implementedBy: [
      ...row.implementedBy,
      { kind: props.kind, ref: props.ref, at: now().toISOString() },
    ],
  });
  await audit(ctx, {
    action: "proposal.implement",
    entity: "proposal",
    entityId: row.proposalId,
    change: { kind: props.kind, ref: props.ref },
  });
  return out(updated);
}

/** Every proposal: the contractor's team sees theirs and the city's decisions; the city sees submitted ones. */
export async function proposalList(ctx: Ctx): Promise<ProposalOut[]> {
  requireAccess(ctx, "proposal.read");
  const rows = (await listProposals(ctx.tx, ctx.tenantId)).map(out);
  // Drafts are the contractor's own until submitted.
  return ctx.actor.role === "city" ? rows.filter((r) => r.state !== "draft") : rows;
}
