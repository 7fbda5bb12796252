/**
 * The procedures of the specification (§8(5)) and how the counter groups them. Seeded per tenant;
 * managers may add, rename and retire procedures, and retired ones stay in history.
 */
export interface ProcedureSeed {
  code: string;
  nameJa: string;
  nameEn: string;
  standardMinutes: number;
  /** Needs one of the city's integrated terminals (統合端末). */
  needsIntegratedTerminal: boolean;
  reportCategory: string;
  /** Served to people at the counter (kiosk tickets); setup is back-office, phone is the phone line. */
  atCounter: boolean;
  groupCode: string;
  sort: number;
  /** What to bring (持ち物), told on the booking page, the confirmation mail and the manage page. */
  bringJa: string;
  bringEn: string;
}

export interface ProcedureGroupSeed {
  code: string;
  nameJa: string;
  nameEn: string;
  /** Ticket numbers of the group start with this letter, e.g. A012, so numbers are unique per day. */
  prefix: string;
  sort: number;
}

export const DEFAULT_GROUPS: ProcedureGroupSeed[] = [
  { code: "handover", nameJa: "カードの受取", nameEn: "Card pick-up", prefix: "A", sort: 1 },
  {
    code: "change",
    nameJa: "電子証明書・暗証番号",
    nameEn: "E-certificates and PINs",
    prefix: "B",
    sort: 2,
  },
  {
    code: "support",
    nameJa: "申請・各種登録",
    nameEn: "Applications and registrations",
    prefix: "C",
    sort: 3,
  },
];

export const DEFAULT_PROCEDURES: ProcedureSeed[] = [
  {
    code: "setup",
    nameJa: "交付前設定",
    nameEn: "Pre-issuance setup",
    standardMinutes: 6,
    needsIntegratedTerminal: true,
    reportCategory: "setup",
    atCounter: false,
    groupCode: "handover",
    sort: 1,
    bringJa: "",
    bringEn: "",
  },
  {
    code: "handover",
    nameJa: "カード交付",
    nameEn: "Card handover",
    standardMinutes: 12,
    needsIntegratedTerminal: true,
    reportCategory: "handover",
    atCounter: true,
    groupCode: "handover",
    sort: 2,
    bringJa:
      "交付通知書（はがき）、本人確認書類（運転免許証・パスポートなど）、通知カード（お持ちの方）、住民基本台帳カード（お持ちの方）",
    bringEn:
      "The notice postcard, photo ID (driving licence, passport, etc.), and the paper notification card or Juki card if you have one",
  },
  {
    code: "ecert",
    nameJa: "電子証明書関係（発行・更新など）",
    nameEn: "E-certificate issue / renewal",
    standardMinutes: 10,
    needsIntegratedTerminal: true,
    reportCategory: "ecert",
    atCounter: true,
    groupCode: "change",
    sort: 3,
    bringJa: "マイナンバーカード",
    bringEn: "Your My Number Card",
  },
  {
    code: "pin_reset",
    nameJa: "暗証番号再設定",
    nameEn: "PIN reset",
    standardMinutes: 8,
    needsIntegratedTerminal: true,
    reportCategory: "pin_reset",
    atCounter: true,
    groupCode: "change",
    sort: 4,
    bringJa: "マイナンバーカード",
    bringEn: "Your My Number Card",
  },
  {
    code: "insurance_fund",
    nameJa: "健康保険証利用申込・公金受取口座登録",
    nameEn: "Health insurance / public-fund account",
    standardMinutes: 15,
    needsIntegratedTerminal: false,
    reportCategory: "insurance_fund",
    atCounter: true,
    groupCode: "support",
    sort: 5,
    bringJa: "マイナンバーカード、受取口座の通帳またはキャッシュカード（口座登録の方）",
    bringEn:
      "Your My Number Card, and the bank book or cash card of the account (to register an account)",
  },
  {
    code: "phone",
    nameJa: "電話対応",
    nameEn: "Phone handling",
    standardMinutes: 5,
    needsIntegratedTerminal: false,
    reportCategory: "phone",
    atCounter: false,
    groupCode: "support",
    sort: 6,
    bringJa: "",
    bringEn: "",
  },
  {
    code: "application",
    nameJa: "カード申請サポート",
    nameEn: "Card application support",
    standardMinutes: 15,
    needsIntegratedTerminal: false,
    reportCategory: "application",
    atCounter: true,
    groupCode: "support",
    sort: 7,
    bringJa:
      "本人確認書類（運転免許証・パスポートなど）、個人番号通知書または通知カード（お持ちの方）",
    bringEn:
      "Photo ID (driving licence, passport, etc.), and the number notice or notification card if you have one",
  },
  {
    code: "express",
    nameJa: "特急発行受付",
    nameEn: "Express issuance reception",
    standardMinutes: 15,
    needsIntegratedTerminal: false,
    reportCategory: "express",
    atCounter: true,
    groupCode: "support",
    sort: 8,
    bringJa:
      "本人確認書類（運転免許証・パスポートなど）、特急発行の申請に必要な書類（市のご案内のとおり）",
    bringEn:
      "Photo ID (driving licence, passport, etc.) and the documents the city lists for express issuance",
  },
];

export interface CounterSeed {
  counterId: string;
  nameJa: string;
  defaultTerminalId: string;
}

export const DEFAULT_COUNTERS: CounterSeed[] = [1, 2, 3, 4, 5].map((n) => ({
  counterId: String(n),
  nameJa: `${n}番窓口`,
  defaultTerminalId: `T${n}`,
}));

/** Whether a procedure is taken at the counter now: served there and not retired. */
export function isServable(p: { atCounter: boolean; retiredAt: Date | null }): boolean {
  return p.atCounter && !p.retiredAt;
}

/** The specification's eight categories (§8(5)), in its order, named as its procedures are. */
export const REPORT_CATEGORY_LABELS: Record<string, { ja: string; en: string }> =
  Object.fromEntries(
    DEFAULT_PROCEDURES.map((p) => [p.reportCategory, { ja: p.nameJa, en: p.nameEn }]),
  );
