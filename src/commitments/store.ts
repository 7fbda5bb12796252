import { and, asc, eq } from "drizzle-orm";
import type { Executor, Tx } from "../platform/db/index.ts";
import { commitmentEvidence, commitments } from "./schema.ts";

export type Commitment = typeof commitments.$inferSelect;
export type Evidence = typeof commitmentEvidence.$inferSelect;

export async function insertCommitment(tx: Tx, row: Commitment) {
  await tx.insert(commitments).values(row);
}

export async function lockCommitment(tx: Tx, tenantId: string, commitmentId: string) {
  const [row] = await tx
    .select()
    .from(commitments)
    .where(and(eq(commitments.tenantId, tenantId), eq(commitments.commitmentId, commitmentId)))
    .for("update");
  return row;
}

export async function updateCommitment(tx: Tx, row: Commitment, change: Partial<Commitment>) {
  await tx
    .update(commitments)
    .set(change)
    .where(
      and(eq(commitments.tenantId, row.tenantId), eq(commitments.commitmentId, row.commitmentId)),
    );
}

export async function insertEvidence(tx: Tx, row: Evidence) {
  await tx.insert(commitmentEvidence).values(row);
}

/** The register, or one commitment of it, with the evidence. */
export async function readRegister(db: Executor, tenantId: string, commitmentId?: string) {
  const rows = await db
    .select()
    .from(commitments)
    .where(
      and(
        eq(commitments.tenantId, tenantId),
        commitmentId ? eq(commitments.commitmentId, commitmentId) : undefined,
      ),
    )
    .orderBy(asc(commitments.ref), asc(commitments.title));
  const evidence = await db
    .select()
    .from(commitmentEvidence)
    .where(
      and(
        eq(commitmentEvidence.tenantId, tenantId),
        commitmentId ? eq(commitmentEvidence.commitmentId, commitmentId) : undefined,
      ),
    )
    .orderBy(asc(commitmentEvidence.month), asc(commitmentEvidence.addedAt));
  return { rows, evidence };
}
