import holidayTable from "@holiday-jp/holiday_jp/lib/holidays.js";

/**
 * Japanese national holidays, substitute holidays (振替休日) and citizens' holidays (国民の休日),
 * from @holiday-jp/holiday_jp's table keyed by date, so no time zone can shift a day.
 */
const TABLE = holidayTable as unknown as Record<string, { name: string; name_en: string }>;

export interface Holiday {
  name: string;
  nameEn: string;
}

export function nationalHoliday(date: string): Holiday | undefined {
  const entry = TABLE[date];
  if (!entry) return undefined;
  // The library names a citizens' holiday just 「休日」; say what it is.
  const name = entry.name === "休日" ? "国民の休日" : entry.name;
  return { name, nameEn: entry.name_en };
}
