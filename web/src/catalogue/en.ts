/**
 * The app's words in English: every key of the Japanese catalogue (the type checker says so),
 * one file per area as in Japanese.
 */

import { cards } from "./en/cards.ts";
import { citizen } from "./en/citizen.ts";
import { contract } from "./en/contract.ts";
import { operations } from "./en/operations.ts";
import { reports } from "./en/reports.ts";
import { roster } from "./en/roster.ts";
import { shared } from "./en/shared.ts";
import { staff } from "./en/staff.ts";
import { staffing } from "./en/staffing.ts";
import type { ja } from "./ja.ts";

export const en: Record<keyof typeof ja, string> = {
  ...shared,
  ...staff,
  ...citizen,
  ...roster,
  ...staffing,
  ...reports,
  ...cards,
  ...operations,
  ...contract,
};
