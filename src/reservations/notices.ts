import type { Mail } from "../platform/mail/outbox.ts";
import type { Reservation } from "./store.ts";

/** The texts of the notices a person receives about a reservation: Japanese first, then English. */
const when = (r: Pick<Reservation, "slotStart" | "slotEnd">) => {
  const date = r.slotStart.toLocaleDateString("ja-JP", {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: "long",
    day: "numeric",
    weekday: "short",
  });
  const time = (d: Date) =>
    d.toLocaleTimeString("ja-JP", { timeZone: "Asia/Tokyo", hour: "2-digit", minute: "2-digit" });
  return `${date} ${time(r.slotStart)}〜${time(r.slotEnd)}`;
};

const footer = (office: string) =>
  `\n\n${office}\nこのメールは送信専用です。 / This is an automatic message.\n`;

export type NoticeKind = "confirmation" | "change" | "cancellation" | "reminder" | "closure";

const SUBJECTS: Record<NoticeKind, string> = {
  confirmation: "【予約完了】マイナンバーカード窓口 / Reservation confirmed",
  change: "【予約変更】マイナンバーカード窓口 / Reservation changed",
  cancellation: "【予約取消】マイナンバーカード窓口 / Reservation cancelled",
  reminder: "【明日のご予約】マイナンバーカード窓口 / Your reservation tomorrow",
  closure: "【重要】窓口休業のお知らせ / The counter is closed on your reservation day",
};

/** What a notice tells besides the booking itself: the procedure, what to bring, where to come. */
export interface NoticeDetails {
  procedureName: string;
  /** 持ち物, as the manager set it for the procedure; "" when nothing is needed. */
  bring: string;
  manageUrl: string;
  office: string;
  /** The place of the counter and a map link; "" when not set. */
  place: string;
  mapUrl: string;
}

export function reservationNotice(
  kind: NoticeKind,
  r: Reservation,
  d: NoticeDetails,
): Mail | undefined {
  if (!r.email) return undefined;
  const visit = [
    d.place ? `場所: ${d.place}` : "",
    d.mapUrl ? `地図: ${d.mapUrl}` : "",
    d.bring ? `お持ちいただくもの: ${d.bring}` : "",
  ]
    .filter(Boolean)
    .join("\n");
  const kiosk = "当日は受付機でこのメールのQRコードを読み取るか、予約番号を入力してください。";
  const lines: Record<NoticeKind, string> = {
    confirmation: `ご予約を承りました。\n予約番号: ${r.code}\n日時: ${when(r)}\n手続: ${d.procedureName}\n${visit}\n\n${kiosk}\n予約の確認・変更・取消: ${d.manageUrl}\n\nYour reservation is confirmed. Code ${r.code}. At the kiosk, scan the QR code in this mail or type the code. Manage it here: ${d.manageUrl}`,
    change: `ご予約の日時を変更しました。\n予約番号: ${r.code}\n新しい日時: ${when(r)}\n手続: ${d.procedureName}\n${visit}\n\n${d.manageUrl}\n\nYour reservation was moved. Code ${r.code}. ${d.manageUrl}`,
    cancellation: `ご予約を取り消しました。\n予約番号: ${r.code}\n日時: ${when(r)}\n\nYour reservation ${r.code} was cancelled.`,
    reminder: `明日のご予約のお知らせです。\n予約番号: ${r.code}\n日時: ${when(r)}\n手続: ${d.procedureName}\n${visit}\n\n${kiosk}\n${d.manageUrl}\n\nA reminder of your reservation tomorrow. Code ${r.code}.`,
    closure: `誠に申し訳ありませんが、ご予約の日は窓口を休業することになりました。\n予約番号: ${r.code}\n日時: ${when(r)}\n\n別の日時へのご変更をお願いします: ${d.manageUrl}\n\nWe are sorry: the counter is closed on the day of your reservation ${r.code}. Please choose another time: ${d.manageUrl}`,
  };
  const withQr = kind === "confirmation" || kind === "change" || kind === "reminder";
  return {
    kind: `reservation.${kind}`,
    to: r.email,
    subject: SUBJECTS[kind],
    body: lines[kind] + footer(d.office),
    ...(withQr ? { qr: r.code } : {}),
  };
}
