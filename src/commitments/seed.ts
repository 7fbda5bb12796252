import { systemActor } from "../platform/actor.ts";
import type { Db } from "../platform/db/index.ts";
import { runOperation } from "../platform/operation.ts";
import { registerCommitment } from "./commitments.ts";
import { readRegister } from "./store.ts";

/** What the demo contractor's proposal promised (a plausible proposal, not any real one). */
const DEMO_COMMITMENTS = [
  {
    ref: "2-1",
    title: "業務管理者または副管理者が開庁時間中は常に在席する",
    detail:
      "勤務表で業務管理者・副管理者の在席を開庁時間の全時間帯に割り当て、日次報告で確認する。",
    category: "staffing",
    cadence: "monthly",
  },
  {
    ref: "3-2",
    title: "窓口の平均待ち時間を毎月20分以内に収める",
    detail: "月次報告で平均待ち時間と目標時間内の割合を示し、超えた月は要因と対策を報告する。",
    category: "service",
    cadence: "monthly",
  },
  {
    ref: "5-1",
    title: "従事者全員に個人情報保護研修を配置前に行う",
    detail: "配置前研修の受講記録を従事者名簿と合わせて市へ示す。",
    category: "training",
    cadence: "once",
  },
  {
    ref: "6-3",
    title: "業務開始後3か月以内に業務改善提案を行う",
    detail: "窓口の記録から課題を抽出し、改善提案として市へ提出する。",
    category: "improvement",
    cadence: "once",
  },
] as const;

/** A demo tenant with an empty register gets the demo proposal's commitments, through the operations. */
export async function seedDemoCommitments(
  db: Db,
  tenantId: string,
  fromMonth: string,
): Promise<void> {
  if ((await readRegister(db, tenantId)).rows.length > 0) return;
  const seed = systemActor(tenantId, "seed");
  for (const c of DEMO_COMMITMENTS)
    await runOperation(db, seed, (ctx) => registerCommitment(ctx, { ...c, fromMonth }));
}
