import { useState } from "react";
import { api } from "../../api.ts";
import { useLang, useT } from "../../i18n.ts";
import { keys } from "../../queryClient.ts";
import { OutcomeLine, useCatalogue, useCommand } from "../../server.tsx";
import { today } from "../../time.ts";

/** 紙の整理券の記録: after recovery, each visit of the paper log entered, so the day's records are whole. */
export function PaperVisits() {
  const t = useT();
  const lang = useLang();
  const catalogue = useCatalogue().data;
  const command = useCommand([keys.queue]);
  const [number, setNumber] = useState("");
  const [procedure, setProcedure] = useState("handover");
  const [issued, setIssued] = useState("");
  const [started, setStarted] = useState("");
  const [finished, setFinished] = useState("");
  const [outcome, setOutcome] = useState<"completed" | "incomplete">("completed");
  const at = (time: string) => `${today()}T${time}:00+09:00`;
  return (
    <form
      className="panel wide-panel"
      aria-label={t("paper.title")}
      onSubmit={(e) => {
        e.preventDefault();
        void command.run(async () => {
          const saved = await api<{ number: string }>("POST", "/api/v1/queue/paper-visits", {
            number,
            procedure,
            issuedAt: at(issued),
            startedAt: at(started),
            finishedAt: at(finished),
            outcome,
          });
          setNumber("");
          return t("paper.recorded", { number: saved.number });
        });
      }}
    >
      <h2 className="section-title">{t("paper.title")}</h2>
      <div className="grid">
        <label>
          {t("paper.number")}
          <input
            value={number}
            required
            maxLength={6}
            placeholder="P001"
            onChange={(e) => setNumber(e.target.value)}
          />
        </label>
        <label>
          {t("paper.procedure")}
          <select value={procedure} onChange={(e) => setProcedure(e.target.value)}>
            {catalogue?.procedures
              .filter((p) => !p.retiredAt)
              .map((p) => (
                <option key={p.code} value={p.code}>
                  {lang === "ja" ? p.nameJa : p.nameEn}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t("paper.issued")}
          <input type="time" required value={issued} onChange={(e) => setIssued(e.target.value)} />
        </label>
        <label>
          {t("paper.started")}
          <input
            type="time"
            required
            value={started}
            onChange={(e) => setStarted(e.target.value)}
          />
        </label>
        <label>
          {t("paper.finished")}
          <input
            type="time"
            required
            value={finished}
            onChange={(e) => setFinished(e.target.value)}
          />
        </label>
        <label>
          {t("paper.outcome")}
          <select value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)}>
            <option value="completed">{t("paper.completed")}</option>
            <option value="incomplete">{t("paper.incomplete")}</option>
          </select>
        </label>
      </div>
      <button type="submit" className="primary" disabled={command.pending}>
        {t("paper.record")}
      </button>
      <OutcomeLine message={command.message} />
    </form>
  );
}
