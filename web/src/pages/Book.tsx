import { type FormEvent, useEffect, useMemo, useState } from "react";
import { normaliseNameKana, toKatakana } from "../../../src/reservations/kana.ts";
import { ApiError, api, errorText } from "../api.ts";
import { useLang } from "../i18n.ts";
import { PublicHeader } from "../PublicHeader.tsx";
import { calendarFile, downloadLink } from "../reservations.ts";

interface Procedure {
  code: string;
  nameJa: string;
  nameEn: string;
}
interface Slot {
  start: string;
  end: string;
  capacity: number;
  remaining: number;
}

const timeOf = (iso: string) => iso.slice(11, 16);
export const dayLabel = (date: string, lang: "ja" | "en") =>
  new Date(`${date}T00:00:00+09:00`).toLocaleDateString(lang === "ja" ? "ja-JP" : "en-GB", {
    timeZone: "Asia/Tokyo",
    month: "long",
    day: "numeric",
    weekday: "short",
  });

/** Where the person is in the four steps, shown above each step and read by screen readers. */
export function Steps({ current, labels }: { current: number; labels: string[] }) {
  return (
    <ol className="steps">
      {labels.map((label, i) => (
        <li
          key={label}
          className={i < current ? "done" : i === current ? "current" : undefined}
          aria-current={i === current ? "step" : undefined}
        >
          <span className="step-number">{i + 1}</span> {label}
        </li>
      ))}
    </ol>
  );
}

/** 予約: procedure → date → time → contact → done. No account, phone first, plain words. */
export function Book({ tenant, onToggleLang }: { tenant: string; onToggleLang: () => void }) {
  const lang = useLang();
  const L = (ja: string, en: string) => (lang === "ja" ? ja : en);
  const [procedures, setProcedures] = useState<Procedure[]>([]);
  const [procedure, setProcedure] = useState<Procedure | null>(null);
  const [slots, setSlots] = useState<Slot[]>([]);
  const [date, setDate] = useState<string | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [form, setForm] = useState({ nameKana: "", email: "", phone: "", reference: "" });
  const [done, setDone] = useState<{ code: string; manageUrl: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<Procedure[]>("GET", `/api/v1/public/${tenant}/procedures`).then(setProcedures, (e) =>
      setError(errorText(e, lang)),
    );
  }, [tenant, lang]);
  useEffect(() => {
    if (!procedure) return;
    // No range: the server answers from its own today as far as booking is open.
    void api<Slot[]>("GET", `/api/v1/public/${tenant}/slots?procedure=${procedure.code}`).then(
      setSlots,
    );
  }, [tenant, procedure]);
  const days = useMemo(
    () => [...new Set(slots.filter((s) => s.remaining > 0).map((s) => s.start.slice(0, 10)))],
    [slots],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!procedure || !slot) return;
    setError(null);
    try {
      const body = {
        procedure: procedure.code,
        start: slot.start,
        nameKana: form.nameKana,
        ...(form.email ? { email: form.email } : {}),
        ...(form.phone ? { phone: form.phone } : {}),
        ...(form.reference ? { reference: form.reference } : {}),
      };
      setDone(
        await api<{ code: string; manageUrl: string }>(
          "POST",
          `/api/v1/public/${tenant}/reservations`,
          body,
        ),
      );
    } catch (e) {
      if (e instanceof ApiError && e.body.code === "slot_full") {
        setSlot(null);
        setSlots(
          await api<Slot[]>("GET", `/api/v1/public/${tenant}/slots?procedure=${procedure.code}`),
        );
      }
      setError(errorText(e, lang));
    }
  };

  const name = (p: Procedure) => (lang === "ja" ? p.nameJa : p.nameEn);
  const step = done ? 4 : !procedure ? 0 : !date ? 1 : !slot ? 2 : 3;
  const kanaProblem = form.nameKana !== "" && normaliseNameKana(form.nameKana) === null;
  return (
    <main className="booking" id="main">
      <PublicHeader
        title={L("窓口の予約", "Book a time at the counter")}
        onToggleLang={onToggleLang}
      />
      {!done && (
        <Steps
          current={step}
          labels={[
            L("手続", "Procedure"),
            L("日にち", "Day"),
            L("時間", "Time"),
            L("連絡先", "Contact"),
          ]}
        />
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {done && procedure && slot ? (
        <section className="booking-card" aria-labelledby="done-title">
          <h2 id="done-title">{L("予約が完了しました", "You are booked")}</h2>
          <p>{L("予約番号", "Reservation code")}</p>
          <p className="booking-code">{done.code}</p>
          <p>
            {dayLabel(slot.start.slice(0, 10), lang)} {timeOf(slot.start)}〜{timeOf(slot.end)} /{" "}
            {name(procedure)}
          </p>
          <p>
            <a href={done.manageUrl}>
              {L("予約の確認・変更・取消はこちら", "See, change or cancel your booking")}
            </a>
          </p>
          <p>
            <a
              download="reservation.ics"
              href={downloadLink(
                calendarFile(done.code, name(procedure), slot.start, slot.end, done.manageUrl),
              )}
            >
              {L("カレンダーに追加（.ics）", "Add to calendar (.ics)")}
            </a>
          </p>
          <p className="hint">
            {L(
              "確認メールをお送りしました（メールアドレスを入力した場合）。",
              "A confirmation e-mail is on its way (if you gave an address).",
            )}
          </p>
        </section>
      ) : !procedure ? (
        <section aria-labelledby="step1">
          <h2 id="step1">1. {L("手続を選んでください", "Choose what you need")}</h2>
          <div className="choice-list">
            {procedures.map((p) => (
              <button type="button" key={p.code} className="choice" onClick={() => setProcedure(p)}>
                {name(p)}
              </button>
            ))}
          </div>
        </section>
      ) : !date ? (
        <section aria-labelledby="step2">
          <h2 id="step2">2. {L("日にちを選んでください", "Choose a day")}</h2>
          <p className="hint">{name(procedure)}</p>
          <div className="choice-list">
            {days.map((d) => (
              <button type="button" key={d} className="choice" onClick={() => setDate(d)}>
                {dayLabel(d, lang)}
              </button>
            ))}
            {days.length === 0 && <p>{L("予約できる日がありません。", "No day can be booked.")}</p>}
          </div>
          <button type="button" className="ghost" onClick={() => setProcedure(null)}>
            ← {L("戻る", "Back")}
          </button>
        </section>
      ) : !slot ? (
        <section aria-labelledby="step3">
          <h2 id="step3">3. {L("時間を選んでください", "Choose a time")}</h2>
          <p className="hint">
            {name(procedure)} / {dayLabel(date, lang)}
          </p>
          <div className="slot-grid">
            {slots
              .filter((s) => s.start.startsWith(date))
              .map((s) => (
                <button
                  type="button"
                  key={s.start}
                  className="choice slot"
                  disabled={s.remaining === 0}
                  onClick={() => setSlot(s)}
                >
                  {timeOf(s.start)}
                  <small>
                    {s.remaining === 0
                      ? L("満席", "Full")
                      : L(`残り${s.remaining}`, `${s.remaining} left`)}
                  </small>
                </button>
              ))}
          </div>
          <button type="button" className="ghost" onClick={() => setDate(null)}>
            ← {L("戻る", "Back")}
          </button>
        </section>
      ) : (
        <form onSubmit={(e) => void submit(e)} aria-labelledby="step4">
          <h2 id="step4">4. {L("お名前と連絡先", "Your name and contact")}</h2>
          <p className="hint">
            {name(procedure)} / {dayLabel(date, lang)} {timeOf(slot.start)}〜{timeOf(slot.end)}
          </p>
          <p className="notice">
            {L(
              "個人番号（マイナンバー）は入力しないでください。",
              "Never enter your My Number (individual number).",
            )}
          </p>
          <p className="hint">
            <span className="required-mark">{L("必須", "Required")}</span>{" "}
            {L(
              "お名前と、メールアドレスか電話番号のどちらかを入力してください。",
              "Give your name, and an e-mail address or a phone number.",
            )}
          </p>
          <label>
            <span>
              {L("お名前（カタカナ）", "Name (in katakana)")}{" "}
              <span className="required-mark">{L("必須", "Required")}</span>
            </span>
            <input
              value={form.nameKana}
              onChange={(e) => setForm({ ...form, nameKana: e.target.value })}
              // ひらがなはカタカナに直す: the person sees the name as it will be stored.
              onBlur={() => setForm({ ...form, nameKana: toKatakana(form.nameKana) })}
              required
              autoComplete="off"
              aria-invalid={kanaProblem}
              aria-describedby="name-kana-help"
            />
            <small id="name-kana-help" className={kanaProblem ? "error" : "hint"}>
              {kanaProblem
                ? L("カタカナで入力してください。", "Please use katakana.")
                : L(
                    "例: ナガオカ ハナコ（ひらがなはカタカナに直します）",
                    "e.g. ナガオカ ハナコ (hiragana is converted)",
                  )}
            </small>
          </label>
          <label>
            {L("メールアドレス", "E-mail")}
            <input
              type="email"
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.target.value })}
              autoComplete="email"
            />
          </label>
          <label>
            {L("電話番号（メールがない場合）", "Phone (if no e-mail)")}
            <input
              type="tel"
              value={form.phone}
              onChange={(e) => setForm({ ...form, phone: e.target.value })}
              autoComplete="tel"
            />
          </label>
          <label>
            {L(
              "交付通知書の番号（お持ちの場合）",
              "Number on your pick-up notice (if you have one)",
            )}
            <input
              value={form.reference}
              onChange={(e) => setForm({ ...form, reference: e.target.value })}
              autoComplete="off"
            />
          </label>
          <button type="submit" className="primary big" disabled={kanaProblem}>
            {L("予約する", "Book")}
          </button>
          <button type="button" className="ghost" onClick={() => setSlot(null)}>
            ← {L("戻る", "Back")}
          </button>
        </form>
      )}
    </main>
  );
}
