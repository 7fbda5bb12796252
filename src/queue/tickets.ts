import { DomainError } from "../platform/errors.ts";

/** A ticket's life (受付番号): waiting → called → serving → done, with the side paths around it. */
export const TICKET_STATUSES = [
  "waiting",
  "called",
  "serving",
  "held",
  "done",
  "no_show",
  "cancelled",
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const FINAL_STATUSES: ReadonlySet<TicketStatus> = new Set(["done", "no_show", "cancelled"]);

export type TicketAction =
  | "call"
  | "recall"
  | "start"
  | "finish"
  | "no_show"
  | "hold"
  | "resume"
  | "transfer"
  | "cancel";

const FROM: Record<TicketAction, readonly TicketStatus[]> = {
  // A held ticket is called back by its number when the person is ready again.
  call: ["waiting", "held"],
  recall: ["called"],
  start: ["called"],
  finish: ["serving"],
  no_show: ["called"],
  hold: ["waiting", "called"],
  resume: ["held"],
  transfer: ["called", "serving"],
  cancel: ["waiting", "called", "held"],
};

const TO: Record<TicketAction, TicketStatus> = {
  call: "called",
  recall: "called",
  start: "serving",
  finish: "done",
  no_show: "no_show",
  hold: "held",
  resume: "waiting",
  transfer: "waiting",
  cancel: "cancelled",
};

const STATUS_JA: Record<TicketStatus, string> = {
  waiting: "お待ち",
  called: "呼出中",
  serving: "受付中",
  held: "保留",
  done: "完了",
  no_show: "不在",
  cancelled: "取消",
};

export function nextStatus(action: TicketAction, current: TicketStatus): TicketStatus {
  if (!FROM[action].includes(current)) {
    throw new DomainError(
      "conflict",
      "invalid_transition",
      `この受付番号は「${STATUS_JA[current]}」のため、この操作はできません。`,
      `The ticket is ${current}; it cannot be ${action === "no_show" ? "marked no-show" : `${action}ed`} now.`,
    );
  }
  return TO[action];
}

/** Why a procedure could not be completed (未完了理由). Configurable later; these are the defaults. */
export const NOT_COMPLETED_REASONS: Record<string, { ja: string; en: string }> = {
  documents: { ja: "書類不備", en: "Documents missing or wrong" },
  identity: { ja: "本人確認不可", en: "Identity could not be confirmed" },
  system: { ja: "システム障害", en: "System failure" },
  pin_unknown: { ja: "暗証番号不明", en: "PIN not known" },
  card_not_arrived: { ja: "カード未着", en: "Card not yet delivered" },
  other: { ja: "その他", en: "Other" },
};

export const PRIORITY_REASONS: Record<string, { ja: string; en: string }> = {
  accessibility: { ja: "障がいのある方", en: "Accessibility" },
  pregnancy: { ja: "妊娠中の方", en: "Pregnancy" },
  elderly: { ja: "ご高齢の方", en: "Elderly" },
  interpreter: { ja: "通訳が必要な方", en: "Interpreter needed" },
  child: { ja: "乳幼児連れの方", en: "With a small child" },
};

/** Numbers people read and hear: a group letter and three digits, e.g. A012. */
export function displayNumber(prefix: string, number: number): string {
  return `${prefix}${String(number).padStart(3, "0")}`;
}

/** 「受付番号 A12番の方、3番窓口へお越しください」 — the letter and the number as said aloud. */
export function announcement(display: string, counterName: string): { ja: string; en: string } {
  const letter = display.replace(/\d+$/, "");
  const number = Number(display.slice(letter.length));
  return {
    ja: `受付番号 ${letter}${number}番の方、${counterName}へお越しください。`,
    en: `Ticket number ${letter} ${number}, please come to ${counterName.replace(/(\d+)番窓口/, "counter $1")}.`,
  };
}

export interface CallCandidate {
  priority: boolean;
  /** Reservation time of a checked-in reservation, if any. */
  reservedFor: Date | null;
  issuedAt: Date;
}

/**
 * Who is called first: priority, then checked-in reservations whose time has come (earliest
 * first), then everyone else in order of arrival. The SQL of callNext orders by the same keys.
 */
export function callOrder(a: CallCandidate, b: CallCandidate, now: Date): number {
  if (a.priority !== b.priority) return a.priority ? -1 : 1;
  const aDue = a.reservedFor !== null && a.reservedFor <= now;
  const bDue = b.reservedFor !== null && b.reservedFor <= now;
  if (aDue !== bDue) return aDue ? -1 : 1;
  if (aDue && bDue && a.reservedFor!.getTime() !== b.reservedFor!.getTime())
    return a.reservedFor!.getTime() - b.reservedFor!.getTime();
  return a.issuedAt.getTime() - b.issuedAt.getTime();
}
