/** A one-event iCalendar file for a booking, made in the browser. */
export function calendarFile(
  code: string,
  title: string,
  start: string,
  end: string,
  url: string,
): string {
  const stamp = (iso: string) =>
    `${new Date(iso).toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//madoguchi//reservation//JA",
    "BEGIN:VEVENT",
    `UID:${code}@madoguchi`,
    `DTSTAMP:${stamp(new Date().toISOString())}`,
    `DTSTART:${stamp(start)}`,
    `DTEND:${stamp(end)}`,
    `SUMMARY:マイナンバーカード窓口 ${title}（${code}）`,
    `URL:${url}`,
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ].join("\r\n");
}

export function downloadLink(ics: string): string {
  return `data:text/calendar;charset=utf-8,${encodeURIComponent(ics)}`;
}
