/**
 * The calendar's kinds and states with their labels, for every screen. No imports: the web app
 * reads this file as it is, without the rules and the holiday table behind them.
 */
export const DAY_KINDS = [
  "weekday",
  "extended",
  "weekend_opening",
  "holiday",
  "closed",
  "exception",
  "out_of_service",
] as const;
export type DayKind = (typeof DAY_KINDS)[number];

/** Colour-blind-safe on screen: each kind has a label and a pattern as well as a tint. */
export const DAY_KIND_LABELS: Record<DayKind, { ja: string; en: string }> = {
  weekday: { ja: "開庁", en: "Open" },
  extended: { ja: "延長", en: "Late" },
  weekend_opening: { ja: "休日開庁", en: "Weekend" },
  holiday: { ja: "祝日・閉庁", en: "Holiday" },
  closed: { ja: "閉庁", en: "Closed" },
  exception: { ja: "変更あり", en: "Changed" },
  out_of_service: { ja: "期間外", en: "Out of term" },
};

export const EXCEPTION_KINDS = [
  "extension",
  "temporary_session",
  "closure",
  "phone_window",
] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

export const EXCEPTION_LABELS: Record<ExceptionKind, { ja: string; en: string }> = {
  extension: { ja: "業務時間の延長", en: "Extended hours" },
  temporary_session: { ja: "臨時開庁", en: "Temporary session" },
  closure: { ja: "臨時休業", en: "Closure" },
  phone_window: { ja: "電話受付時間の変更", en: "Changed phone hours" },
};

/** A change request's life: asked by the manager, decided by the city. */
export const EXCEPTION_STATUSES = [
  "requested",
  "approved",
  "rejected",
  "withdrawn",
  "revoked",
] as const;
export type ExceptionStatus = (typeof EXCEPTION_STATUSES)[number];
export const EXCEPTION_STATUS_LABELS: Record<ExceptionStatus, { ja: string; en: string }> = {
  requested: { ja: "申請中", en: "Requested" },
  approved: { ja: "承認済", en: "Approved" },
  rejected: { ja: "却下", en: "Rejected" },
  withdrawn: { ja: "取下げ", en: "Withdrawn" },
  revoked: { ja: "取消", en: "Revoked" },
};
