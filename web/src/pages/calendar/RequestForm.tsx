import { type FormEvent, useState } from "react";
import { api, errorText } from "../../api.ts";
import { useLang, useT } from "../../i18n.ts";
import { EXCEPTION_KINDS } from "./model.tsx";

export function RequestForm({
  defaultDate,
  onDone,
}: {
  defaultDate: string;
  onDone: () => Promise<void>;
}) {
  const t = useT();
  const lang = useLang();
  const [form, setForm] = useState({
    date: defaultDate,
    kind: "extension",
    open: "08:30",
    close: "18:00",
    reason: "",
  });
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const window = { open: form.open, close: form.close };
    const body = {
      date: form.date,
      kind: form.kind,
      reason: form.reason,
      ...(form.kind === "extension" || form.kind === "temporary_session"
        ? { counter: window }
        : {}),
      ...(form.kind === "phone_window" ? { phone: window } : {}),
    };
    try {
      await api("POST", "/api/v1/calendar/exceptions", body);
      setMessage({ kind: "ok", text: t("requestSent") });
      setForm({ ...form, reason: "" });
      await onDone();
    } catch (e) {
      setMessage({ kind: "error", text: errorText(e, lang) });
    }
  };
  const needsHours = form.kind !== "closure";
  return (
    <form className="panel" onSubmit={(e) => void submit(e)}>
      <h2>{t("requestChange")}</h2>
      <div className="grid">
        <label>
          {t("date")}
          <input
            type="date"
            value={form.date}
            onChange={(e) => setForm({ ...form, date: e.target.value })}
            required
          />
        </label>
        <label>
          {t("kind")}
          <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
            {Object.entries(EXCEPTION_KINDS).map(([k, v]) => (
              <option key={k} value={k}>
                {v[lang]}
              </option>
            ))}
          </select>
        </label>
        {needsHours && (
          <>
            <label>
              {t("opensAt")}
              <input
                type="time"
                value={form.open}
                onChange={(e) => setForm({ ...form, open: e.target.value })}
                required
              />
            </label>
            <label>
              {t("closesAt")}
              <input
                type="time"
                value={form.close}
                onChange={(e) => setForm({ ...form, close: e.target.value })}
                required
              />
            </label>
          </>
        )}
      </div>
      <label>
        {t("reason")}
        <input
          value={form.reason}
          onChange={(e) => setForm({ ...form, reason: e.target.value })}
          required
          maxLength={500}
        />
      </label>
      {message && (
        <p role={message.kind === "error" ? "alert" : "status"} className={message.kind}>
          {message.text}
        </p>
      )}
      <button type="submit" className="primary">
        {t("submitRequest")}
      </button>
    </form>
  );
}
