import { type PDFPage, rgb } from "pdf-lib";
import {
  A4,
  centredText,
  INK,
  type JapaneseDocument,
  MUTED,
  mm,
  newJapaneseDocument,
  RULE,
} from "../platform/documents/pdf.ts";
import type { RosterEntry } from "./entries.ts";
import { EMPLOYMENT_LABELS, WORK_ROLE_LABELS, WORK_ROLES } from "./rules.ts";

/** What the chart and the tags need of a person: never contact data. */
export type ChartPerson = Pick<
  RosterEntry,
  | "id"
  | "name"
  | "nameKana"
  | "employment"
  | "designation"
  | "certificate"
  | "roles"
  | "municipalExperience"
>;

export interface ChartHeading {
  office: string;
  /** e.g. 「2026年11月25日現在」 */
  asOf: string;
}

const WHITE = rgb(1, 1, 1);

function box(page: PDFPage, x: number, y: number, w: number, h: number, thick = 1) {
  page.drawRectangle({ x, y, width: w, height: h, borderColor: INK, borderWidth: thick });
}

function line(page: PDFPage, x1: number, y1: number, x2: number, y2: number) {
  page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness: 0.8, color: RULE });
}

/**
 * 体制図 (仕様 9): the manager and the deputy with their qualifications, the city as the party
 * they liaise with, and under them everyone by kind of work. One A4 page; long columns continue
 * in a smaller type.
 */
export async function orgChartPdf(
  people: ChartPerson[],
  heading: ChartHeading,
): Promise<Uint8Array> {
  const { doc, regular, bold }: JapaneseDocument = await newJapaneseDocument("業務実施体制図");
  const page = doc.addPage([A4.width, A4.height]);
  const left = mm(15);
  const width = A4.width - 2 * left;
  const cx = A4.width / 2;
  let y = A4.height - mm(20);

  centredText(page, "マイナンバーカード専用窓口業務 業務実施体制図", {
    font: bold,
    size: 17,
    cx,
    y,
    maxWidth: width,
  });
  y -= 20;
  centredText(page, `${heading.office}　${heading.asOf}`, {
    font: regular,
    size: 10,
    cx,
    y,
    maxWidth: width,
    color: MUTED,
  });

  // The city (発注者) and the manager, side by side, joined by the liaison line.
  y -= mm(32);
  const leadW = mm(78);
  const leadH = mm(24);
  const cityX = left;
  const managerX = left + width - leadW;
  box(page, cityX, y, leadW, leadH);
  centredText(page, "発注者", {
    font: regular,
    size: 9,
    cx: cityX + leadW / 2,
    y: y + leadH - 14,
    maxWidth: leadW - 10,
    color: MUTED,
  });
  centredText(page, "市 担当課（監督・検査）", {
    font: bold,
    size: 12,
    cx: cityX + leadW / 2,
    y: y + 10,
    maxWidth: leadW - 10,
  });

  const manager = people.find((p) => p.designation === "manager");
  const deputy = people.find((p) => p.designation === "deputy");
  const leadBox = (x: number, yy: number, title: string, person: ChartPerson | undefined) => {
    box(page, x, yy, leadW, leadH, 1.6);
    centredText(page, title, {
      font: regular,
      size: 9,
      cx: x + leadW / 2,
      y: yy + leadH - 14,
      maxWidth: leadW - 10,
      color: MUTED,
    });
    centredText(page, person?.name ?? "（未指名）", {
      font: bold,
      size: 14,
      cx: x + leadW / 2,
      y: yy + leadH - 33,
      maxWidth: leadW - 10,
    });
    const facts = person
      ? [
          EMPLOYMENT_LABELS[person.employment]?.ja,
          person.certificate ? `実務検定 ${person.certificate.grade}` : null,
          person.municipalExperience
            ? `自治体経験 ${Math.round((person.municipalExperience.months / 12) * 10) / 10}年`
            : null,
        ]
          .filter(Boolean)
          .join("・")
      : "";
    centredText(page, facts, {
      font: regular,
      size: 8,
      cx: x + leadW / 2,
      y: yy + 6,
      maxWidth: leadW - 10,
      color: MUTED,
    });
  };
  leadBox(managerX, y, "業務管理者（正規雇用・有資格）", manager);
  line(page, cityX + leadW, y + leadH / 2, managerX, y + leadH / 2);
  centredText(page, "連絡調整", {
    font: regular,
    size: 8,
    cx: (cityX + leadW + managerX) / 2,
    y: y + leadH / 2 + 4,
    maxWidth: managerX - cityX - leadW,
    color: MUTED,
  });

  const deputyY = y - leadH - mm(10);
  leadBox(managerX, deputyY, "業務副管理者（管理者不在時の代理）", deputy);
  line(page, managerX + leadW / 2, y, managerX + leadW / 2, deputyY + leadH);

  // The three kinds of work, everyone under each they are registered for.
  const colTop = deputyY - mm(14);
  const colGap = mm(5);
  const colW = (width - 2 * colGap) / 3;
  const busY = colTop + mm(6);
  line(page, managerX + leadW / 2, deputyY, managerX + leadW / 2, busY);
  line(page, left + colW / 2, busY, left + width - colW / 2, busY);
  const others = people.filter((p) => !p.designation);
  WORK_ROLES.forEach((role, i) => {
    const x = left + i * (colW + colGap);
    line(page, x + colW / 2, busY, x + colW / 2, colTop);
    const members = others.filter((p) => p.roles.includes(role));
    const rowH = members.length > 22 ? 12 : 16;
    const headH = 22;
    const h = Math.min(colTop - mm(22), headH + Math.max(1, members.length) * rowH + 8);
    box(page, x, colTop - h, colW, h);
    page.drawRectangle({ x, y: colTop - headH, width: colW, height: headH, color: INK });
    centredText(page, `${WORK_ROLE_LABELS[role].ja}業務（${members.length}名）`, {
      font: bold,
      size: 11,
      cx: x + colW / 2,
      y: colTop - headH + 7,
      maxWidth: colW - 8,
      color: WHITE,
    });
    let rowY = colTop - headH - rowH + 2;
    for (const person of members) {
      if (rowY < colTop - h + 4) break;
      const kind = EMPLOYMENT_LABELS[person.employment]?.ja ?? "";
      page.drawText(person.name, {
        x: x + 8,
        y: rowY,
        size: rowH > 12 ? 10.5 : 9,
        font: regular,
        color: INK,
      });
      const kw = regular.widthOfTextAtSize(kind, 8);
      page.drawText(kind, {
        x: x + colW - 8 - kw,
        y: rowY + 1,
        size: 8,
        font: regular,
        color: MUTED,
      });
      rowY -= rowH;
    }
    if (!members.length)
      centredText(page, "（配置なし）", {
        font: regular,
        size: 9,
        cx: x + colW / 2,
        y: colTop - headH - 18,
        maxWidth: colW - 8,
        color: MUTED,
      });
  });

  page.drawText(
    `従事者 計${people.length}名（業務管理者・業務副管理者を含む）。兼務者は各業務欄に記載。個人の連絡先は記載しない。`,
    { x: left, y: mm(12), size: 8, font: regular, color: MUTED },
  );
  return doc.save();
}

const ROLE_ON_TAG = (p: ChartPerson) =>
  p.designation === "manager"
    ? "業務管理者"
    : p.designation === "deputy"
      ? "業務副管理者"
      : p.roles.includes("counter")
        ? "窓口担当"
        : p.roles.includes("phone")
          ? "電話担当"
          : "業務担当";

/**
 * 名札 (仕様 8(4)): A4 sheets of ten 85 × 50 mm tags with cutting frames, showing the office,
 * the role and the name with its reading — never contact data.
 */
export async function nameTagsPdf(people: ChartPerson[], office: string): Promise<Uint8Array> {
  const { doc, regular, bold } = await newJapaneseDocument("名札");
  const tagW = mm(85);
  const tagH = mm(50);
  const cols = 2;
  const rows = 5;
  const marginX = (A4.width - cols * tagW) / 2;
  const marginY = (A4.height - rows * tagH) / 2;
  let page: PDFPage | undefined;
  people.forEach((person, index) => {
    const slot = index % (cols * rows);
    if (slot === 0) page = doc.addPage([A4.width, A4.height]);
    const p = page!;
    const x = marginX + (slot % cols) * tagW;
    const y = A4.height - marginY - (Math.floor(slot / cols) + 1) * tagH;
    p.drawRectangle({
      x,
      y,
      width: tagW,
      height: tagH,
      borderColor: RULE,
      borderWidth: 0.5,
      borderDashArray: [3, 3],
    });
    const cx = x + tagW / 2;
    centredText(p, office, {
      font: regular,
      size: 8,
      cx,
      y: y + tagH - mm(8),
      maxWidth: tagW - mm(8),
      color: MUTED,
    });
    const role = ROLE_ON_TAG(person);
    centredText(p, role, {
      font: bold,
      size: 12,
      cx,
      y: y + tagH - mm(16),
      maxWidth: tagW - mm(8),
    });
    centredText(p, person.nameKana, {
      font: regular,
      size: 9,
      cx,
      y: y + mm(19),
      maxWidth: tagW - mm(8),
      color: MUTED,
    });
    centredText(p, person.name, { font: bold, size: 24, cx, y: y + mm(8), maxWidth: tagW - mm(8) });
  });
  if (people.length === 0) doc.addPage([A4.width, A4.height]);
  return doc.save();
}
