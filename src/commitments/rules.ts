import { addMonths } from "../calendar/dates.ts";

/**
 * 提案事項の履行 (仕様 14): what the proposal promised is part of the specification. A commitment
 * kept every month needs evidence for every whole month since it began; one kept once needs one.
 */
export const CADENCES = ["once", "monthly"] as const;
export type Cadence = (typeof CADENCES)[number];

/**
 * The whole months, from the commitment's first month to the month before `today`, that no
 * evidence covers. A month still running is not yet owed.
 */
export function monthsWithoutEvidence(
  cadence: Cadence,
  fromMonth: string,
  today: string,
  evidenceMonths: Iterable<string>,
): string[] {
  const covered = new Set(evidenceMonths);
  const lastOwed = addMonths(today.slice(0, 7), -1);
  if (cadence === "once") {
    // Owed once the first month is over; any evidence at all keeps it.
    return covered.size === 0 && fromMonth <= lastOwed ? [fromMonth] : [];
  }
  const missing: string[] = [];
  for (let m = fromMonth; m <= lastOwed; m = addMonths(m, 1)) if (!covered.has(m)) missing.push(m);
  return missing;
}
