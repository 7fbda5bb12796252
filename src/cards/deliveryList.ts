/**
 * The delivery list (納品リスト) as the office gets it: scanned one line at a time by a keyboard-
 * wedge scanner, pasted, or read from the city's CSV file (UTF-8 or Shift_JIS, as exported by
 * the systems city halls use). Pure: the web app parses, the server validates the result again.
 *
 * A line: 参照番号/カナ氏名/生年月日[/保管庫/位置][/特急][/交付予約日], with slashes, commas or tabs.
 */
export interface DeliveryRow {
  noticeRef: string;
  nameKana: string;
  birthDate: string;
  locker?: string;
  slot?: string;
  express?: boolean;
  handoverOn?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** 2026/8/4 and 2026-08-04 alike: spreadsheets write dates either way. */
const isoDay = (text: string | undefined) => {
  const m = text?.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/);
  return m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : undefined;
};

export function parseDeliveryLine(line: string): DeliveryRow | null {
  // A CSV field may be quoted; a date inside a scanned line keeps its own slashes only in CSV.
  const separator = /[,\t]/.test(line) ? /[,\t]/ : /\//;
  const parts = line.split(separator).map((p) =>
    p
      .trim()
      .replace(/^"(.*)"$/, "$1")
      .trim(),
  );
  const [noticeRef, nameKana, birth, locker, slot, express, handover] = parts;
  const birthDate = isoDay(birth);
  if (!noticeRef || !nameKana || !birthDate || !DAY.test(birthDate)) return null;
  const handoverOn = isoDay(handover);
  return {
    noticeRef: noticeRef.toUpperCase(),
    nameKana,
    birthDate,
    ...(locker ? { locker } : {}),
    ...(slot ? { slot } : {}),
    ...(express && /^(特急|express|1|true|○|◯)$/i.test(express) ? { express: true } : {}),
    ...(handoverOn ? { handoverOn } : {}),
  };
}

/** Every line of a list: the cards read, and the lines that could not be (a header is skipped). */
export function parseDeliveryList(text: string): { rows: DeliveryRow[]; bad: string[] } {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const rows: DeliveryRow[] = [];
  const bad: string[] = [];
  lines.forEach((line, i) => {
    const row = parseDeliveryLine(line);
    if (row) rows.push(row);
    else if (!(i === 0 && /番号|氏名|生年月日|ref|name|birth/i.test(line))) bad.push(line);
  });
  return { rows, bad };
}

/** A file's text: UTF-8 when it is valid UTF-8, else Shift_JIS (Excel's CSV in Japan). */
export function decodeDeliveryFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("shift_jis").decode(bytes);
  }
}
