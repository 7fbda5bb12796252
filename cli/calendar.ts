import { WEEKDAY_JA, weekday } from "../src/calendar/dates.ts";
import { calendarRange } from "../src/calendar/days.ts";
import type { BusinessDay, Window } from "../src/calendar/rules.ts";
import type { Database } from "../src/platform/db/index.ts";
import { findTenant } from "../src/platform/tenancy/store.ts";
import { type Output, parse, UsageError } from "./commands.ts";

const span = (w: Window | null) => (w ? `${w.open}-${w.close}` : "-");
/** Pads to a terminal width, counting Japanese characters as two columns. */
const pad = (text: string, width: number) =>
  text +
  " ".repeat(
    Math.max(0, width - [...text].reduce((n, c) => n + (c.charCodeAt(0) > 0xff ? 2 : 1), 0)),
  );

const KIND_JA: Record<BusinessDay["kind"], string> = {
  weekday: "開庁",
  extended: "延長",
  weekend_opening: "休日開庁",
  holiday: "祝日等",
  closed: "閉庁",
  exception: "変更",
  out_of_service: "期間外",
};

/** One block per month: every day with its counter and phone hours and why. */
export function monthTables(days: BusinessDay[]): string {
  const lines: string[] = [];
  let month = "";
  for (const day of days) {
    if (day.date.slice(0, 7) !== month) {
      month = day.date.slice(0, 7);
      const open = days.filter((d) => d.date.startsWith(month) && d.counter).length;
      lines.push(
        "",
        `${month.slice(0, 4)}年${Number(month.slice(5))}月  (窓口開庁 ${open}日)`,
        "  日付        種別      窓口         電話         理由",
      );
    }
    const extra = day.extraSessions?.length ? ` +${day.extraSessions.map(span).join(",")}` : "";
    lines.push(
      `  ${day.date.slice(5)} (${WEEKDAY_JA[weekday(day.date)]})  ${pad(KIND_JA[day.kind], 8)}  ${pad(span(day.counter) + extra, 11)}  ${pad(span(day.phone), 11)}  ${day.reasons.join("・")}`,
    );
  }
  return lines.join("\n").trimStart();
}

export async function calendarCommand(
  database: Database,
  argv: string[],
  io: Output,
): Promise<number> {
  const { values } = parse(argv, {
    tenant: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    json: { type: "boolean" },
  });
  const tenantId = typeof values.tenant === "string" ? values.tenant : undefined;
  const tenant = tenantId ? await findTenant(database.db, tenantId) : undefined;
  if (!tenant)
    throw new UsageError(
      "usage: madoguchi calendar --tenant T [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]",
    );
  const from = typeof values.from === "string" ? values.from : tenant.serviceStart;
  const to = typeof values.to === "string" ? values.to : tenant.contractEnd;
  const days = await calendarRange(database.db, tenant.tenantId, from, to);
  io.out(values.json ? JSON.stringify(days) : monthTables(days));
  return 0;
}
