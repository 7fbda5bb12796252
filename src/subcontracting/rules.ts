import { unprocessable } from "../platform/errors.ts";

/**
 * 再委託 (仕様 14): the whole of the work may never be subcontracted at once, nor its main part (the
 * counter itself); a part other than that may be, with the city's written consent.
 */
export const AREAS = ["counter", "phone", "back_office", "insurance", "training", "other"] as const;
export type Area = (typeof AREAS)[number];
/** 業務の主たる部分: serving people at the counter. */
export const MAIN_AREA: Area = "counter";

export function checkSubcontractable(areas: readonly Area[]): void {
  if (areas.includes(MAIN_AREA))
    throw unprocessable(
      "main_part_not_subcontractable",
      "窓口業務（業務の主たる部分）は再委託できません。",
      "The counter, the main part of the work, may not be subcontracted.",
    );
  const others = AREAS.filter((a) => a !== MAIN_AREA && a !== "other");
  if (others.every((a) => areas.includes(a)))
    throw unprocessable(
      "wholesale_subcontracting",
      "業務の全てを一括して再委託することはできません。",
      "The work may not be subcontracted as a whole.",
    );
}

/** A consent is in force from its first to its last day, both included. */
export const inForce = (
  r: { state: string; periodFrom: string; periodTo: string },
  today: string,
) => r.state === "consented" && r.periodFrom <= today && today <= r.periodTo;
