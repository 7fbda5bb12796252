import { createHash } from "node:crypto";

/** The fields of an audit event that its hash covers, in their fixed canonical order. */
export interface AuditFields {
  tenantId: string;
  seq: number;
  at: Date;
  actorId: string;
  actorRole: string;
  action: string;
  entity: string;
  entityId: string | null;
  requestId: string | null;
  clientIp: string | null;
  digest: string | null;
  prevHash: string;
}

export interface ChainedEvent extends AuditFields {
  hash: string;
}

export const GENESIS_HASH = "0".repeat(64);

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** JSON of the fields in their fixed order: what each event's hash covers. */
export function canonicalForm(e: AuditFields): string {
  const { beforeSeq, afterSeq } = canonicalFrame(e);
  return `${beforeSeq}${e.seq}${afterSeq}${e.prevHash}"]`;
}

/**
 * The canonical form around its two parts known only once the head is locked (seq and the
 * previous hash), so the database can complete and hash it: before + seq + after + prevHash + `"]`.
 */
export function canonicalFrame(e: Omit<AuditFields, "seq" | "prevHash">): {
  beforeSeq: string;
  afterSeq: string;
} {
  const rest = JSON.stringify([
    e.at.toISOString(),
    e.actorId,
    e.actorRole,
    e.action,
    e.entity,
    e.entityId,
    e.requestId,
    e.clientIp,
    e.digest,
  ]);
  return {
    beforeSeq: `[${JSON.stringify(e.tenantId)},`,
    afterSeq: `,${rest.slice(1, -1)},"`,
  };
}

export function eventHash(e: AuditFields): string {
  return sha256(canonicalForm(e));
}

/** JSON with sorted keys, so the same change always gives the same digest. */
export function stableStringify(value: unknown): string {
  if (value === undefined) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** What the audit keeps of a change: its digest, never the data. */
export function changeDigest(change: unknown): string | null {
  return change === undefined ? null : sha256(stableStringify(change));
}

export type ChainBreak =
  | "sequence_gap"
  | "previous_hash_mismatch"
  | "hash_mismatch"
  | "head_mismatch";

export type VerifyResult =
  | { ok: true; tenantId: string; count: number; lastSeq: number; lastHash: string }
  | { ok: false; tenantId: string; count: number; brokenAtSeq: number; reason: ChainBreak };

/** Checks a tenant's events in seq order, one at a time, so any number of them fits in memory. */
export class ChainVerifier {
  private count = 0;
  private lastSeq = 0;
  private lastHash = GENESIS_HASH;
  private broken: { seq: number; reason: ChainBreak } | undefined;

  constructor(readonly tenantId: string) {}

  push(e: ChainedEvent): void {
    if (this.broken) return;
    this.count++;
    if (e.seq !== this.lastSeq + 1) this.broken = { seq: e.seq, reason: "sequence_gap" };
    else if (e.prevHash !== this.lastHash) {
      this.broken = { seq: e.seq, reason: "previous_hash_mismatch" };
    } else if (eventHash(e) !== e.hash) this.broken = { seq: e.seq, reason: "hash_mismatch" };
    this.lastSeq = e.seq;
    this.lastHash = e.hash;
  }

  /** The head is the newest event as recorded at append time; a missing tail or extra row shows here. */
  finish(head: { lastSeq: number; lastHash: string } | undefined): VerifyResult {
    const { tenantId, count } = this;
    if (this.broken)
      return {
        ok: false,
        tenantId,
        count,
        brokenAtSeq: this.broken.seq,
        reason: this.broken.reason,
      };
    const headSeq = head?.lastSeq ?? 0;
    const headHash = head?.lastHash ?? GENESIS_HASH;
    if (headSeq !== this.lastSeq || headHash !== this.lastHash) {
      return {
        ok: false,
        tenantId,
        count,
        brokenAtSeq: Math.min(headSeq, this.lastSeq) + 1,
        reason: "head_mismatch",
      };
    }
    return { ok: true, tenantId, count, lastSeq: this.lastSeq, lastHash: this.lastHash };
  }
}
