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

export function reservationNotice(
  kind: NoticeKind,
  r: Reservation,
  procedureName: string,
  manageUrl: string,
  office: string,
): Mail | undefined {
  if (!r.email) return undefined;
  const lines: Record<NoticeKind, string> = {
    confirmation: `ご予約を承りました。\n予約番号: ${r.code}\n日時: ${when(r)}\n手続: ${procedureName}\n\n予約の確認・変更・取消: ${manageUrl}\n当日は交付通知書・本人確認書類をお持ちください。\n\nYour reservation is confirmed. Code ${r.code}. Manage it here: ${manageUrl}`,
    change: `ご予約の日時を変更しました。\n予約番号: ${r.code}\n新しい日時: ${when(r)}\n手続: ${procedureName}\n\n${manageUrl}\n\nYour reservation was moved. Code ${r.code}. ${manageUrl}`,
    cancellation: `ご予約を取り消しました。\n予約番号: ${r.code}\n日時: ${when(r)}\n\nYour reservation ${r.code} was cancelled.`,
    reminder: `明日のご予約のお知らせです。\n予約番号: ${r.code}\n日時: ${when(r)}\n手続: ${procedureName}\n\n${manageUrl}\n\nA reminder of your reservation tomorrow. Code ${r.code}.`,
    closure: `誠に申し訳ありませんが、ご予約の日は窓口を休業することになりました。\n予約番号: ${r.code}\n日時: ${when(r)}\n\n別の日時へのご変更をお願いします: ${manageUrl}\n\nWe are sorry: the counter is closed on the day of your reservation ${r.code}. Please choose another time: ${manageUrl}`,
  };
  return {
    kind: `reservation.${kind}`,
    to: r.email,
    subject: SUBJECTS[kind],
    body: lines[kind] + footer(office),
  };
}
