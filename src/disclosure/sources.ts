import { addDays } from "../calendar/dates.ts";
import { commitmentRegister } from "../commitments/commitments.ts";
import {
  CATEGORY_LABELS,
  STATE_LABELS as COMMITMENT_STATES,
  EVIDENCE_LABELS,
  REVIEW_LABELS,
} from "../commitments/contract.ts";
import { ENTRY_KIND_LABELS, INCIDENT_KIND_LABELS, SEVERITY_LABELS } from "../incidents/contract.ts";
import { incident, listIncidents } from "../incidents/incidents.ts";
import { manualVersion, manualVersions } from "../manual/manual.ts";
import { localDate, localTime, todayInTokyo } from "../platform/clock.ts";
import { notFound } from "../platform/errors.ts";
import type { Ctx } from "../platform/operation.ts";
import { STATE_LABELS as PROPOSAL_STATES } from "../proposals/contract.ts";
import { proposalList } from "../proposals/proposals.ts";
import { REPORT_KIND_LABELS, type ReportKind } from "../reports/contract.ts";
import { reportDocument } from "../reports/document.ts";
import { reportPdf } from "../reports/pdf.ts";
import { reportStatuses } from "../reports/reports.ts";
import { AREA_LABELS, STATE_LABELS as SUBCONTRACT_STATES } from "../subcontracting/contract.ts";
import { subcontractList } from "../subcontracting/subcontracting.ts";
import type { DocumentKind } from "./contract.ts";
import { type PlainDocument, plainPdf } from "./plain.ts";

/** A document as read from its domain, ready to be masked (every string in `content`) and rendered. */
export interface Source<T = unknown> {
  title: string;
  content: T;
  render(masked: T): Promise<Uint8Array>;
}

const plain = (doc: PlainDocument): Source<PlainDocument> => ({
  title: doc.title,
  content: doc,
  render: plainPdf,
});
const day = (iso: string | null) =>
  iso ? `${localDate(new Date(iso))} ${localTime(new Date(iso))}` : "";

/** Every document a disclosure can take, as the city's officer picks from them. */
export async function disclosableDocuments(ctx: Ctx) {
  const today = todayInTokyo();
  const list: { kind: DocumentKind; ref: string; title: string }[] = [];
  for (const kind of ["monthly", "daily"] as ReportKind[]) {
    const from = kind === "monthly" ? addDays(today, -3 * 366).slice(0, 7) : addDays(today, -62);
    const to = kind === "monthly" ? today.slice(0, 7) : today;
    for (const r of (await reportStatuses(ctx, { kind, from, to })).reverse())
      list.push({
        kind: "report",
        ref: `${kind}:${r.period}`,
        title: `${REPORT_KIND_LABELS[kind].ja} ${r.period}`,
      });
  }
  for (const i of await listIncidents(ctx, {}))
    list.push({
      kind: "incident",
      ref: i.id,
      title: `事故・障害報告 ${i.occurredAt.slice(0, 10)} ${INCIDENT_KIND_LABELS[i.kind].ja}`,
    });
  for (const p of await proposalList(ctx))
    if (p.state !== "draft")
      list.push({ kind: "proposal", ref: p.id, title: `業務改善提案「${p.title}」` });
  if ((await commitmentRegister(ctx)).length > 0)
    list.push({
      kind: "commitments",
      ref: "register",
      title: "提案事項の履行状況（提案事項台帳）",
    });
  for (const s of await subcontractList(ctx))
    list.push({ kind: "subcontract", ref: s.id, title: `再委託承諾申請（${s.subcontractor}）` });
  for (const v of await manualVersions(ctx))
    if (v.state !== "draft")
      list.push({ kind: "manual", ref: v.id, title: `運営マニュアル 第${v.number}版` });
  return list;
}

/** Reads one document through its own domain (each read audited there). */
export async function readSource(ctx: Ctx, kind: DocumentKind, ref: string): Promise<Source> {
  switch (kind) {
    case "report": {
      const [reportKind, period] = ref.split(":") as [ReportKind, string];
      if (!REPORT_KIND_LABELS[reportKind] || !period) throw notFound("報告書", "Report");
      const doc = await reportDocument(ctx, { kind: reportKind, period });
      return {
        title: `${REPORT_KIND_LABELS[reportKind].ja} ${period}`,
        content: doc,
        render: reportPdf as Source["render"],
      };
    }
    case "incident": {
      const i = await incident(ctx, { incidentId: ref });
      return plain({
        title: "事故・障害報告書",
        subtitle: `${INCIDENT_KIND_LABELS[i.kind].ja}　発生 ${day(i.occurredAt)}`,
        sections: [
          {
            heading: "概要",
            pairs: [
              ["種類", INCIDENT_KIND_LABELS[i.kind].ja],
              ["重大度", SEVERITY_LABELS[i.severity].ja],
              ["発生", day(i.occurredAt)],
              ["報告", day(i.reportedAt)],
              ["市への通知", day(i.cityNotifiedAt)],
              ["状態", i.state === "open" ? "対応中" : `終結 ${day(i.closedAt)}`],
            ],
            paragraphs: [i.summary],
          },
          // Who was affected describes people: withheld whole, whatever it says.
          {
            heading: "影響を受けた者",
            paragraphs: [i.affected ? "■".repeat(i.affected.length) : "（なし）"],
          },
          {
            heading: "経過",
            paragraphs: i.entries.map(
              (e) => `【${day(e.at)}　${ENTRY_KIND_LABELS[e.kind].ja}　${e.actorName}】\n${e.text}`,
            ),
          },
          { heading: "再発防止策", paragraphs: [i.recurrencePrevention ?? "（未記載）"] },
        ],
      });
    }
    case "proposal": {
      const p = (await proposalList(ctx)).find((x) => x.id === ref && x.state !== "draft");
      if (!p) throw notFound("改善提案", "Proposal");
      return plain({
        title: "業務改善提案書",
        subtitle: `「${p.title}」　${PROPOSAL_STATES[p.state].ja}`,
        sections: [
          {
            heading: "提案",
            pairs: [
              ["起案者", p.draftedByName],
              ["提出", day(p.submittedAt)],
              ["市の判断", `${PROPOSAL_STATES[p.state].ja} ${day(p.decidedAt)}`],
            ],
          },
          { heading: "現状の課題", paragraphs: [p.problem] },
          { heading: "改善策", paragraphs: [p.measure] },
          { heading: "期待される効果", paragraphs: [p.effect] },
          { heading: "根拠", paragraphs: [p.evidence] },
          { heading: "市の意見", paragraphs: [p.decisionComment ?? "（なし）"] },
        ],
      });
    }
    case "commitments": {
      const register = await commitmentRegister(ctx);
      return plain({
        title: "提案事項の履行状況",
        subtitle: `提案事項台帳　${todayInTokyo()} 現在`,
        sections: register.map((c) => ({
          heading: `${c.ref}　${c.title}`,
          pairs: [
            ["区分", CATEGORY_LABELS[c.category].ja],
            ["状態", COMMITMENT_STATES[c.state].ja + (c.stateNote ? `（${c.stateNote}）` : "")],
            ["証跡のない月", c.missingMonths.join("、") || "なし"],
            [
              "市の確認",
              c.review ? `${REVIEW_LABELS[c.review.verdict].ja}　${c.review.comment}` : "未確認",
            ],
          ],
          paragraphs: [
            c.detail,
            ...c.evidence.map(
              (e) =>
                `【${e.month}　${EVIDENCE_LABELS[e.kind].ja}】${e.label}${e.note ? `（${e.note}）` : ""}`,
            ),
          ],
        })),
      });
    }
    case "subcontract": {
      const s = (await subcontractList(ctx)).find((x) => x.id === ref);
      if (!s) throw notFound("再委託承諾申請", "Subcontracting request");
      return plain({
        title: "再委託承諾申請書",
        subtitle: `${s.subcontractor}　${SUBCONTRACT_STATES[s.state].ja}`,
        sections: [
          {
            heading: "申請",
            pairs: [
              ["再委託先", s.subcontractor],
              ["所在地", s.address],
              ["業務", s.areas.map((a) => AREA_LABELS[a].ja).join("、")],
              ["期間", `${s.periodFrom} 〜 ${s.periodTo}`],
              ["個人情報の取扱い", s.handlesPersonalData ? "あり" : "なし"],
              ["申請", `${day(s.requestedAt)} ${s.requestedByName}`],
            ],
          },
          { heading: "業務の範囲", paragraphs: [s.scope] },
          { heading: "理由", paragraphs: [s.reason] },
          { heading: "個人情報の保護措置", paragraphs: [s.safeguards || "（該当なし）"] },
          {
            heading: "市の回答",
            pairs: s.decision
              ? [
                  ["回答", SUBCONTRACT_STATES[s.decision.decision as "consented"].ja],
                  ["文書番号", s.decision.documentNumber],
                  ["日付", s.decision.decidedOn],
                  ["条件", s.decision.conditions || "なし"],
                ]
              : [["回答", "未回答"]],
          },
        ],
      });
    }
    case "manual": {
      const v = await manualVersion(ctx, { versionId: ref });
      return plain({
        title: v.title,
        subtitle: `運営マニュアル 第${v.number}版　市確認 ${day(v.confirmedAt)}`,
        sections: [{ heading: "本文", paragraphs: [v.body] }],
      });
    }
  }
}
