/**
 * The app's words in Japanese, the reference language: every key is here. Keys are
 * `page.words`; `{{name}}` is filled in by the caller. Labels of the server's own enums (roles,
 * statuses, kinds) are not here: they come from the server's contract files. One file per area.
 */

import { cards } from "./ja/cards.ts";
import { citizen } from "./ja/citizen.ts";
import { contract } from "./ja/contract.ts";
import { operations } from "./ja/operations.ts";
import { reports } from "./ja/reports.ts";
import { roster } from "./ja/roster.ts";
import { shared } from "./ja/shared.ts";
import { staff } from "./ja/staff.ts";
import { staffing } from "./ja/staffing.ts";

export const ja = {
  ...shared,
  ...staff,
  ...citizen,
  ...roster,
  ...staffing,
  ...reports,
  ...cards,
  ...operations,
  ...contract,
} satisfies Record<string, string>;
