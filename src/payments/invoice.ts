import { localDate } from "../platform/clock.ts";
import { FlowDocument } from "../platform/documents/flow.ts";
import { CATEGORY_LABELS } from "../reports/contract.ts";
import { PAYMENT_KIND_LABELS } from "./contract.ts";
import type { ClaimRow } from "./store.ts";

const yen = (n: number) => `${n.toLocaleString("ja-JP")}円`;
const dateJa = (d: Date) => {
  const [y, m, day] = localDate(d).split("-").map(Number);
  return `${y}年${m}月${day}日`;
};

/**
 * 請求書 (仕様 13): one payment month's claim as an A4 PDF — addressed to the mayor of the city
 * (the office's name up to its first space, e.g. 長岡市 → 長岡市長), from the contractor with its
 * qualified-invoice number, the amount from the inspected report line by line, the consumption
 * tax as the contract rounds it, and the total.
 */
export async function invoicePdf(claim: ClaimRow, office: string): Promise<Uint8Array> {
  const [y, m] = claim.month.split("-").map(Number) as [number, number];
  const kind = PAYMENT_KIND_LABELS[claim.kind as "partial" | "completion"].ja;
  const flow = await FlowDocument.create("請求書", `請求書 ${claim.invoiceNumber}`);
  flow.title("請 求 書", `請求番号 ${claim.invoiceNumber}　請求日 ${dateJa(claim.claimedAt)}`);
  const city = office.split(/[\s　]/)[0] ?? office;
  flow.pairs([
    ["宛先", `${city}長 様`],
    ["請求者", claim.terms.contractor.name],
    ["登録番号", claim.terms.contractor.registrationNumber ?? "—"],
  ]);
  flow.heading("件名");
  flow.paragraph(`マイナンバーカード専用窓口業務委託料（${y}年${m}月分　${kind}）`);
  flow.paragraph(
    `${y}年${m}月分の業務完了報告書（第${claim.reportVersion}版、検査済）の実績に基づき、下記のとおり請求します。`,
  );
  flow.space(6);
  flow.pairs([["ご請求金額（税込）", yen(claim.amount.total)]], 12);
  flow.heading("内訳");
  const a = claim.amount;
  const rows: string[][] = [];
  if (a.fixed > 0) rows.push(["月額固定分", "", "", yen(a.fixed)]);
  for (const l of a.lines)
    rows.push([
      CATEGORY_LABELS[l.category]?.ja ?? l.category,
      `${l.count.toLocaleString("ja-JP")}件`,
      yen(l.unitPrice),
      yen(l.amount),
    ]);
  rows.push(["小計", "", "", yen(a.subtotal)]);
  if (a.capped) rows.push(["上限額の適用", "", "", yen(a.taxable)]);
  rows.push([`消費税（${claim.terms.taxRatePercent}%対象 ${yen(a.taxable)}）`, "", "", yen(a.tax)]);
  rows.push(["合計", "", "", yen(a.total)]);
  flow.table(
    [
      { title: "項目", width: 4 },
      { title: "件数", width: 1.4, align: "right" },
      { title: "単価", width: 1.4, align: "right" },
      { title: "金額", width: 2, align: "right" },
    ],
    rows,
    { boldLast: true, size: 9 },
  );
  flow.paragraph(
    `消費税の端数は契約の定めにより${{ floor: "切り捨て", round: "四捨五入", ceil: "切り上げ" }[claim.terms.taxRounding]}としています。`,
    8.5,
  );
  if (claim.paidAt) flow.paragraph(`支払済（${dateJa(claim.paidAt)}　${claim.paidByName ?? ""}）`);
  return flow.save();
}
