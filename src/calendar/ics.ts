import { type BusinessDay, publicDay, type Window } from "./rules.ts";

/**
 * iCalendar (RFC 5545) feed of opening days, for the city's public website: one event per
 * counter session, in Asia/Tokyo, with the phone hours in the description.
 */
const CRLF = "\r\n";

function escapeText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r?\n/g, "\\n");
}

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

const compactDate = (date: string) => date.replaceAll("-", "");
const localTime = (date: string, time: string) => `${compactDate(date)}T${time.replace(":", "")}00`;
const hm = (time: string) => time.replace(/^0/, "");
const span = (w: Window) => `${hm(w.open)}〜${hm(w.close)}`;

export interface FeedOptions {
  tenantId: string;
  calendarName: string;
  stamp: Date;
}

export function calendarFeed(days: BusinessDay[], options: FeedOptions): string {
  const stamp = `${options.stamp.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//madoguchi//business calendar//JA",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(options.calendarName)}`,
    "X-WR-TIMEZONE:Asia/Tokyo",
    "BEGIN:VTIMEZONE",
    "TZID:Asia/Tokyo",
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0900",
    "TZOFFSETTO:+0900",
    "TZNAME:JST",
    "END:STANDARD",
    "END:VTIMEZONE",
  ];
  for (const day of days.map(publicDay)) {
    if (!day.counter) continue;
    const sessions = [day.counter, ...(day.extraSessions ?? [])];
    sessions.forEach((session, index) => {
      const note = day.reasons.length ? `（${day.reasons.join("・")}）` : "";
      lines.push(
        "BEGIN:VEVENT",
        `UID:${day.date}-${index}@${options.tenantId}.madoguchi`,
        `DTSTAMP:${stamp}`,
        `DTSTART;TZID=Asia/Tokyo:${localTime(day.date, session.open)}`,
        `DTEND;TZID=Asia/Tokyo:${localTime(day.date, session.close)}`,
        `SUMMARY:${escapeText(`窓口 ${span(session)}${note}`)}`,
        `DESCRIPTION:${escapeText(day.phone ? `電話受付 ${span(day.phone)}` : "電話受付なし")}`,
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
      );
    });
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}
