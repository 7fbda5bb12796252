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
  },
];

export interface TerminalSeed {
  terminalId: string;
  kind: "integrated" | "resident_record";
  nameJa: string;
}

/** §7: the city lends 5 integrated terminals and 1 resident-record terminal. */
export const DEFAULT_TERMINALS: TerminalSeed[] = [
  ...[1, 2, 3, 4, 5].map((n) => ({
    terminalId: `T${n}`,
    kind: "integrated" as const,
    nameJa: `統合端末${n}`,
  })),
  { terminalId: "R1", kind: "resident_record", nameJa: "住民記録システム用端末" },
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
