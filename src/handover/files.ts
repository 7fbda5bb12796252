import JSZip from "jszip";
import {
  EQUIPMENT_KIND_LABELS,
  EQUIPMENT_STATE_LABELS,
  type EquipmentKind,
  type EquipmentState,
} from "../equipment/rules.ts";
import { FlowDocument } from "../platform/documents/flow.ts";
import type { HandoverPackage } from "./handover.ts";

/** 業務引継書 as a PDF: what a person reads first; the zip's JSON is what a system reads. */
export async function handoverPdf(pkg: HandoverPackage): Promise<Uint8Array> {
  const doc = await FlowDocument.create("業務引継書", `業務引継書 ${pkg.madeAt.slice(0, 10)}`);
  doc.title("業務引継書", `${pkg.tenantId} ／ 作成 ${pkg.madeAt.slice(0, 10)}`);
  doc.heading("1. 運営マニュアル");
  doc.paragraph(
    pkg.manual
      ? `${pkg.manual.title}（第${pkg.manual.number}版、市確認 ${pkg.manual.confirmedAt?.slice(0, 10) ?? ""}）。全文は manual.md。`
      : "確認済みの運営マニュアルはありません。",
  );
  doc.heading("2. 手続");
  doc.table(
    [
      { title: "コード", width: 0.2 },
      { title: "名称", width: 0.45 },
      { title: "標準時間（分）", width: 0.15, align: "right" },
      { title: "区分", width: 0.2 },
    ],
    pkg.configuration.procedures.map((p) => [
      p.code,
      p.nameJa,
      String(p.standardMinutes),
      p.retired ? "廃止" : p.groupCode,
    ]),
  );
  doc.heading("3. 窓口");
  doc.table(
    [
      { title: "窓口", width: 0.3 },
      { title: "既定の端末", width: 0.2 },
      { title: "手続", width: 0.5 },
    ],
    pkg.configuration.counters.map((c) => [
      c.nameJa,
      c.defaultTerminalId ?? "",
      c.procedureCodes.join("、") || "すべて",
    ]),
  );
  doc.heading("4. 備品");
  doc.table(
    [
      { title: "番号", width: 0.15 },
      { title: "名称", width: 0.35 },
      { title: "種類", width: 0.3 },
      { title: "状態", width: 0.2 },
    ],
    pkg.configuration.equipment.map((e) => [
      e.id,
      e.nameJa,
      EQUIPMENT_KIND_LABELS[e.kind as EquipmentKind]?.ja ?? e.kind,
      EQUIPMENT_STATE_LABELS[e.state as EquipmentState]?.ja ?? e.state,
    ]),
  );
  doc.heading("5. 緊急時の体制");
  doc.paragraph(`判断する者: ${pkg.configuration.continuity.deciders}`);
  doc.paragraph(pkg.configuration.continuity.procedures);
  doc.heading("6. 月別の実績（検査済みの月次報告）");
  doc.paragraph(
    pkg.statistics.length
      ? pkg.statistics.map((s) => s.month).join("、")
      : "検査済みの月次報告はありません。",
  );
  doc.heading("7. 未了の事項");
  const open = [
    ...pkg.openItems.incidents.map(
      (i) => `事故・障害（${i.severity}）${i.occurredAt.slice(0, 10)}: ${i.summary}`,
    ),
    ...pkg.openItems.equipmentOutOfService.map((e) => `備品 ${e.id} ${e.nameJa}: ${e.state}`),
  ];
  doc.paragraph(open.length ? open.join("\n") : "ありません。");
  doc.heading("8. 研修");
  doc.table(
    [
      { title: "研修", width: 0.6 },
      { title: "教材の版", width: 0.25 },
      { title: "必須", width: 0.15 },
    ],
    pkg.training.map((c) => [c.title, c.materialVersion, c.mandatory ? "必須" : ""]),
  );
  return doc.save();
}

/** The package as a zip: the PDF, the manual as Markdown, and JSON for each part and the whole. */
export async function handoverZip(pkg: HandoverPackage): Promise<Uint8Array> {
  const zip = new JSZip();
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  zip.file("handover.json", json(pkg));
  zip.file("handover.pdf", await handoverPdf(pkg));
  if (pkg.manual) zip.file("manual.md", pkg.manual.body);
  zip.file("configuration.json", json(pkg.configuration));
  zip.file("statistics.json", json(pkg.statistics));
  zip.file("open-items.json", json(pkg.openItems));
  zip.file("training.json", json(pkg.training));
  zip.file(
    "README.txt",
    [
      "業務引継書（madoguchi）／ Handover package",
      "handover.pdf: 読むための引継書 / the document to read",
      "handover.json: 取込用（madoguchi handover import）/ the whole, for import",
      "市民の個人情報は含みません。/ No citizen's personal data is included.",
      "",
    ].join("\n"),
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The package back from its zip (handover.json). */
export async function readHandoverZip(bytes: Uint8Array): Promise<HandoverPackage> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file("handover.json");
  if (!file) throw new Error("handover.json is missing from the zip");
  return JSON.parse(await file.async("string")) as HandoverPackage;
}
