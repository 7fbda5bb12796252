import { useState } from "react";
import {
  INVESTIGATION_STATUS_LABELS,
  type InvestigationOut,
} from "../../../../src/investigations/contract.ts";
import { api, type Me } from "../../api.ts";
import { useLabel, useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { OutcomeLine, useCommand, useGet } from "../../server.tsx";

/**
 * 調査 (仕様 9): the city asks the contractor to explain or show something by a date; the
 * manager answers; the city closes it. Overdue requests stand out.
 */
export function Investigations({ me }: { me: Me }) {
  const t = useT();
  const label = useLabel();
  const list = useGet<InvestigationOut[]>(keys.investigations, "/api/v1/investigations").data;
  const command = useCommand([keys.investigations]);
  const canAsk = me.permissions.includes("investigation.request");
  const canAnswer = me.permissions.includes("investigation.answer");
  const [form, setForm] = useState({ subject: "", details: "", period: "", dueDate: "" });
  const [answers, setAnswers] = useState<Record<string, string>>({});

  const ask = () =>
    command.run(async () => {
      await api("POST", "/api/v1/investigations", {
        subject: form.subject,
        details: form.details,
        dueDate: form.dueDate,
        ...(form.period.trim() ? { period: form.period } : {}),
      });
      setForm({ subject: "", details: "", period: "", dueDate: "" });
      return t("investigations.asked");
    });
  const answer = (id: string) =>
    command.run(async () => {
      await api("POST", `/api/v1/investigations/${id}/answer`, { answer: answers[id] ?? "" });
      setAnswers({ ...answers, [id]: "" });
      return t("investigations.answered");
    });
  const close = (id: string) =>
    command.run(async () => {
      await api("POST", `/api/v1/investigations/${id}/close`);
      return t("investigations.closed");
    });

  return (
    <div className="investigations">
      {canAsk && (
        <form
          className="panel wide-panel report-actions"
          onSubmit={(e) => {
            e.preventDefault();
            void ask();
          }}
        >
          <h2 className="section-title">{t("investigations.new")}</h2>
          <div className="form-row">
            <label htmlFor="inv-subject">{t("investigations.subject")}</label>
            <input
              id="inv-subject"
              required
              maxLength={120}
              value={form.subject}
              onChange={(e) => setForm({ ...form, subject: e.target.value })}
            />
            <label htmlFor="inv-details">{t("investigations.details")}</label>
            <textarea
              id="inv-details"
              required
              rows={3}
              maxLength={4000}
              value={form.details}
              onChange={(e) => setForm({ ...form, details: e.target.value })}
            />
            <label htmlFor="inv-period">{t("investigations.period")}</label>
            <input
              id="inv-period"
              maxLength={10}
              placeholder="2026-07"
              value={form.period}
              onChange={(e) => setForm({ ...form, period: e.target.value })}
            />
            <label htmlFor="inv-due">{t("investigations.dueDate")}</label>
            <input
              id="inv-due"
              type="date"
              required
              value={form.dueDate}
              onChange={(e) => setForm({ ...form, dueDate: e.target.value })}
            />
            <button type="submit" className="primary" disabled={command.pending}>
              {t("investigations.ask")}
            </button>
          </div>
        </form>
      )}
      <OutcomeLine message={command.message} />
      {list?.length === 0 && <p className="muted">{t("investigations.none")}</p>}
      <ul className="plain">
        {list?.map((i) => (
          <li key={i.investigationId} className="panel wide-panel investigation">
            <p>
              <strong>{i.subject}</strong>{" "}
              <span className={`badge investigation-${i.status}`}>
                {label(INVESTIGATION_STATUS_LABELS[i.status])}
              </span>{" "}
              {i.overdue && (
                <span className="badge investigation-overdue">{t("investigations.overdue")}</span>
              )}
            </p>
            <p className="muted">
              {t("investigations.meta", {
                by: i.requestedByName,
                at: i.requestedAt.slice(0, 10),
                due: i.dueDate,
                period: i.period ?? "—",
              })}
            </p>
            <p>{i.details}</p>
            {i.answer && (
              <p className="answer">
                <span className="muted">
                  {t("investigations.answer")}（{i.answeredByName}）：
                </span>
                {i.answer}
              </p>
            )}
            {canAnswer && i.status !== "closed" && (
              <div className="form-row">
                <label htmlFor={`answer-${i.investigationId}`}>{t("investigations.answer")}</label>
                <textarea
                  id={`answer-${i.investigationId}`}
                  rows={3}
                  maxLength={8000}
                  value={answers[i.investigationId] ?? ""}
                  onChange={(e) => setAnswers({ ...answers, [i.investigationId]: e.target.value })}
                />
                <button
                  type="button"
                  className="primary"
                  disabled={command.pending || !(answers[i.investigationId] ?? "").trim()}
                  onClick={() => void answer(i.investigationId)}
                >
                  {t("investigations.sendAnswer")}
                </button>
              </div>
            )}
            {canAsk && i.status === "answered" && (
              <button
                type="button"
                disabled={command.pending}
                onClick={() => void close(i.investigationId)}
              >
                {t("investigations.close")}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
