import { and, desc, eq } from "drizzle-orm";
import type { Executor, Tx } from "../platform/db/index.ts";
import { proposals } from "./schema.ts";

export type Proposal = typeof proposals.$inferSelect;

export async function insertProposal(tx: Tx, row: Proposal) {
  await tx.insert(proposals).values(row);
}

export async function lockProposal(tx: Tx, tenantId: string, proposalId: string) {
  const [row] = await tx
    .select()
    .from(proposals)
    .where(and(eq(proposals.tenantId, tenantId), eq(proposals.proposalId, proposalId)))
    .for("update");
  return row;
}

export async function updateProposal(tx: Tx, row: Proposal, change: Partial<Proposal>) {
  const [updated] = await tx
    .update(proposals)
    .set(change)
    .where(and(eq(proposals.tenantId, row.tenantId), eq(proposals.proposalId, row.proposalId)))
    .returning();
  return updated!;
}

export const listProposals = (db: Executor, tenantId: string) =>
  db
    .select()
    .from(proposals)
    .where(eq(proposals.tenantId, tenantId))
    .orderBy(desc(proposals.draftedAt))
    .limit(200);
